#ifndef DIXIAN_CSQLITESHIM_H
#define DIXIAN_CSQLITESHIM_H

/// Turns off SQLite's memory statistics, for the whole process, before SQLite is first used
/// (sqlite3_config is variadic, which Swift cannot call). With statistics on, every allocation
/// SQLite makes or frees takes a process-wide lock, and an import makes several per row.
/// Returns SQLITE_OK, or SQLITE_MISUSE once SQLite is in use (statistics then stay on).
int dixian_sqlite_disable_memory_statistics(void);

#endif
