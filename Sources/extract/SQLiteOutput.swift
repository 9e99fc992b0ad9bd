import CSQLite
import ChineseFacts

/// Writes documents and facts into a new SQLite database through the system SQLite
/// library: tables `documents` and `facts`, indexes on kind, subject and doc.
final class SQLiteOutput {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    private var db: OpaquePointer?
    private var insertDocument: OpaquePointer?
    private var insertFact: OpaquePointer?
    private let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    static let schema = """
        CREATE TABLE documents (
          id INTEGER PRIMARY KEY,
          doc TEXT NOT NULL,
          text TEXT NOT NULL,
          chars INTEGER NOT NULL,
          facts INTEGER NOT NULL
        );
        CREATE TABLE facts (
          id INTEGER PRIMARY KEY,
          document_id INTEGER NOT NULL REFERENCES documents(id),
          doc TEXT NOT NULL,
          kind TEXT NOT NULL,
          text TEXT NOT NULL,
          start INTEGER NOT NULL,
          "end" INTEGER NOT NULL,
          value TEXT NOT NULL,      -- exact: a decimal as written out, or text
          value_number REAL,        -- the same number as a double, for sorting and sums
          unit TEXT, qualifier TEXT, upper TEXT, subject TEXT, attribute TEXT, change TEXT, date TEXT,
          part TEXT, since INTEGER, fiscal INTEGER, period TEXT, plenum INTEGER, rule TEXT
        );
        """

    init(path: String) throws {
        guard sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nil) == SQLITE_OK else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            sqlite3_close(db)
            db = nil
            throw Failure(description: "\(path): \(message)")
        }
        try exec("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; BEGIN;")
        try exec(Self.schema)
        insertDocument = try prepare("INSERT INTO documents (doc, text, chars, facts) VALUES (?, ?, ?, ?)")
        insertFact = try prepare(
            """
            INSERT INTO facts (document_id, doc, kind, text, start, "end", value, value_number, unit, qualifier, upper,
              subject, attribute, change, date, part, since, fiscal, period, plenum, rule)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
    }

    deinit {
        sqlite3_finalize(insertDocument)
        sqlite3_finalize(insertFact)
        sqlite3_close(db)
    }

    private func exec(_ sql: String) throws {
        var err: UnsafeMutablePointer<CChar>?
        if sqlite3_exec(db, sql, nil, nil, &err) != SQLITE_OK {
            let message = err.map { String(cString: $0) } ?? "error"
            sqlite3_free(err)
            throw Failure(description: message)
        }
    }

    private func prepare(_ sql: String) throws -> OpaquePointer? {
        var stmt: OpaquePointer?
        guard sqlite3_prepare_v2(db, sql, -1, &stmt, nil) == SQLITE_OK else {
            throw Failure(description: String(cString: sqlite3_errmsg(db)))
        }
        return stmt
    }

    private func bind(_ stmt: OpaquePointer?, _ i: Int32, _ s: String?) {
        if let s { sqlite3_bind_text(stmt, i, s, -1, transient) } else { sqlite3_bind_null(stmt, i) }
    }

    private func bind(_ stmt: OpaquePointer?, _ i: Int32, _ n: Int?) {
        if let n { sqlite3_bind_int64(stmt, i, Int64(n)) } else { sqlite3_bind_null(stmt, i) }
    }

    private func step(_ stmt: OpaquePointer?) throws {
        defer { sqlite3_reset(stmt) }
        guard sqlite3_step(stmt) == SQLITE_DONE else { throw Failure(description: String(cString: sqlite3_errmsg(db))) }
    }

    func add(_ doc: Document, _ facts: [Fact], explain: Bool) throws {
        bind(insertDocument, 1, doc.id)
        bind(insertDocument, 2, doc.text)
        bind(insertDocument, 3, doc.text.unicodeScalars.count)
        bind(insertDocument, 4, facts.count)
        try step(insertDocument)
        let docRow = Int(sqlite3_last_insert_rowid(db))
        let s = insertFact
        for f in facts {
            bind(s, 1, docRow)
            bind(s, 2, doc.id)
            bind(s, 3, f.kind.rawValue)
            bind(s, 4, f.text)
            bind(s, 5, f.start)
            bind(s, 6, f.end)
            bind(s, 7, f.value.description)
            if let d = f.value.number, let v = Double(d.description) { sqlite3_bind_double(s, 8, v) } else { sqlite3_bind_null(s, 8) }
            bind(s, 9, f.unit)
            bind(s, 10, f.qualifier?.rawValue)
            bind(s, 11, f.upper?.description)
            bind(s, 12, f.subject)
            bind(s, 13, f.attribute)
            bind(s, 14, f.change?.rawValue)
            bind(s, 15, f.date)
            bind(s, 16, f.part)
            bind(s, 17, f.since.map { $0 ? 1 : 0 })
            bind(s, 18, f.fiscal.map { $0 ? 1 : 0 })
            bind(s, 19, f.period)
            bind(s, 20, f.plenum)
            bind(s, 21, explain ? f.rule : nil)
            try step(s)
        }
    }

    /// Builds the indexes and commits.
    func finish() throws {
        try exec(
            """
            CREATE INDEX facts_kind ON facts(kind);
            CREATE INDEX facts_subject ON facts(subject);
            CREATE INDEX facts_doc ON facts(doc);
            CREATE INDEX facts_document ON facts(document_id);
            COMMIT;
            """)
    }
}
