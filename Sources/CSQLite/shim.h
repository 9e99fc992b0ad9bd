// The system SQLite 3 (libsqlite3-dev), for `extract --format sqlite`.
#include <sqlite3.h>
