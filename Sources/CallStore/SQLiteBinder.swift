import GRDB
import GRDBSQLite

/// Binds a row's values straight onto a prepared statement and runs it: the store's hot path,
/// without building `StatementArguments` (an array of existentials) for every row.
struct SQLiteBinder {
    private let statement: SQLiteStatement
    private var index: Int32 = 1

    /// Resets `statement`, lets `bind` set its parameters in order, and steps it once.
    static func run(_ statement: Statement, in db: Database, _ bind: (inout SQLiteBinder) -> Void) throws {
        let raw = statement.sqliteStatement
        sqlite3_reset(raw)
        sqlite3_clear_bindings(raw)
        var binder = SQLiteBinder(statement: raw)
        bind(&binder)
        let code = sqlite3_step(raw)
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)),
                                sql: statement.sql)
        }
    }

    private init(statement: SQLiteStatement) {
        self.statement = statement
    }

    /// Binds text, or NULL.
    mutating func bind(_ value: String?) {
        if let value {
            _ = sqlite3_bind_text(statement, index, value, -1, unsafeBitCast(-1, to: sqlite3_destructor_type.self))
        }
        index += 1
    }

    /// Binds an integer, or NULL.
    mutating func bind(_ value: Int64?) {
        if let value { _ = sqlite3_bind_int64(statement, index, value) }
        index += 1
    }

    /// Binds an integer, or NULL.
    mutating func bind(_ value: Int?) {
        bind(value.map(Int64.init))
    }
}
