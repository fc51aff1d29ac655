import GRDB
import GRDBSQLite

/// Binds a row's values straight onto a prepared statement and runs it: the store's hot path,
/// without building `StatementArguments` (an array of existentials) for every row.
struct SQLiteBinder {
    private let statement: SQLiteStatement
    private var index: Int32 = 1

    /// Resets `statement`, lets `bind` set its parameters in order (several rows' worth for a
    /// multi-row `VALUES`), and steps it once.
    static func run(_ statement: Statement, in db: Database, _ bind: (inout SQLiteBinder) -> Void) throws {
        let raw = prepare(statement, bind)
        try finish(statement, sqlite3_step(raw), in: db)
    }

    /// Like ``run(_:in:_:)`` for a statement that returns at most one row (a read by key): what
    /// `read` takes from that row, `nil` when it returned none.
    static func runReturning<Value>(_ statement: Statement, in db: Database, _ bind: (inout SQLiteBinder) -> Void,
                                    read: (SQLiteReturnedRow) -> Value) throws -> Value? {
        let raw = prepare(statement, bind)
        var code = sqlite3_step(raw)
        var value: Value?
        if code == SQLITE_ROW {
            value = read(SQLiteReturnedRow(statement: raw))
            code = sqlite3_step(raw)
        }
        try finish(statement, code, in: db)
        return value
    }

    private static func prepare(_ statement: Statement, _ bind: (inout SQLiteBinder) -> Void) -> SQLiteStatement {
        let raw = statement.sqliteStatement
        sqlite3_reset(raw)
        sqlite3_clear_bindings(raw)
        var binder = SQLiteBinder(statement: raw)
        bind(&binder)
        return raw
    }

    private static func finish(_ statement: Statement, _ code: Int32, in db: Database) throws {
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)),
                                sql: statement.sql)
        }
    }

    private init(statement: SQLiteStatement) {
        self.statement = statement
    }

    /// Binds text, or NULL: the string's own UTF-8 with its length, which SQLite copies (passing a
    /// `String` where C wants a `char *` would first copy it into a new array, a heap allocation per
    /// value, and make SQLite measure it).
    mutating func bind(_ value: String?) {
        if var value {
            let statement = statement, index = index
            value.withUTF8 { bytes in
                _ = bytes.withMemoryRebound(to: CChar.self) { text in
                    guard let start = text.baseAddress else { return sqlite3_bind_text(statement, index, "", 0, Self.transient) }
                    return sqlite3_bind_text(statement, index, start, Int32(text.count), Self.transient)
                }
            }
        }
        index += 1
    }

    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

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

/// The row a statement returned, read column by column while the statement stands on it.
struct SQLiteReturnedRow {
    fileprivate let statement: SQLiteStatement

    /// The column at `index` (from 0) as text, `nil` when NULL.
    func text(_ index: Int32) -> String? {
        sqlite3_column_text(statement, index).map { String(cString: $0) }
    }
}
