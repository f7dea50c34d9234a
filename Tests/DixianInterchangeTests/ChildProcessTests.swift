import DixianTestSupport
import Foundation
import Testing

/// `ChildProcess` reads a child's own memory, not the test process's: the import fuzz test's
/// bound on `dixian import` depends on it.
struct ChildProcessTests {
    @Test func aChildsPeakIsItsOwnWhateverTheTestProcessHolds() throws {
        // The test process holds more than the small child will, before the child starts.
        let ballast = [UInt8](repeating: 1, count: 256 << 20)
        let small = try ChildProcess.run("/bin/sleep", ["0.1"])
        #expect(small.status == 0 && !small.signalled)
        #expect(small.peakResidentBytes > 0 && small.peakResidentBytes < 64 << 20, "\(small.peakResidentBytes)")
        #expect(ballast.count == 256 << 20)
        // A child that fills 200 MiB is seen to.
        let large = try ChildProcess.run("/usr/bin/python3", ["-c", "b = bytearray(200 << 20); import time; time.sleep(0.1)"])
        #expect(large.status == 0, "\(large.errorOutput)")
        #expect(large.peakResidentBytes > 200 << 20 && large.peakResidentBytes < 400 << 20, "\(large.peakResidentBytes)")
    }

    @Test func aSignalledChildIsReportedSo() throws {
        let killed = try ChildProcess.run("/bin/sh", ["-c", "kill -9 $$"])
        #expect(killed.signalled && killed.status == 9)
    }
}
