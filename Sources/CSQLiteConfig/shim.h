#ifndef VISITD_CSQLITECONFIG_SHIM_H
#define VISITD_CSQLITECONFIG_SHIM_H
// Process-wide SQLite settings that must be made before SQLite initializes (sqlite3_config is variadic, so
// Swift cannot call it directly).
#include <sqlite3.h>

// Turns off SQLite's memory statistics (with them on, every allocation SQLite makes takes a global mutex) and
// lets filenames be URIs (`file:…?immutable=1` for a database nobody may write). Returns SQLITE_OK, or
// SQLITE_MISUSE once SQLite is already initialized (then nothing changes).
static inline int visitd_sqlite_configure(void) {
  int status = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  return status == SQLITE_OK ? sqlite3_config(SQLITE_CONFIG_URI, 1) : status;
}
#endif
