#if canImport(Glibc)
import Glibc
#endif

/// The processor time the calling thread spends in `body`, and what it returns. Tests that
/// bound how long work may take (a budget that must stop a loop, a refusal that must come
/// before the work) measure this, not the wall clock: on a loaded machine the thread waits for
/// a core for as long as others keep it, which says nothing about the work it was given.
public func threadCPUTime<T>(_ body: () throws -> T) rethrows -> (result: T, time: Duration) {
    func now() -> Duration {
        var spec = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
        return .seconds(spec.tv_sec) + .nanoseconds(spec.tv_nsec)
    }
    let start = now()
    let result = try body()
    return (result, now() - start)
}
