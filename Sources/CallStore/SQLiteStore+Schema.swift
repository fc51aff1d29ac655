import GRDB

extension SQLiteStore {
    /// The schema, one migration per change, never edited once released (GRDB's `DatabaseMigrator`
    /// records the applied ones in `grdb_migrations`). Every time is Unix milliseconds (UTC). The
    /// tables' keys lead with the arrival time, so new rows go to the end of their B-trees. Since v2
    /// a call's record stands in `open_call_records` while the call is in progress (no index but
    /// its key) and in `call_records` once it ended, so each call enters the indexes once; no
    /// query reads offers by agent, so that index went. v3 keeps pending callbacks (`pending_callbacks`,
    /// keyed as their call's record), so a restart restores them instead of closing their records.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: call records, offer attempts, queue log, agent status") { db in
            try db.execute(sql: """
                CREATE TABLE call_records (
                    arrived_at INTEGER NOT NULL,
                    call_id TEXT NOT NULL,
                    caller_number TEXT NOT NULL,
                    dialed_number TEXT,
                    queue TEXT NOT NULL,
                    agent TEXT,
                    first_offer_at INTEGER,
                    answered_at INTEGER,
                    ended_at INTEGER,
                    outcome TEXT NOT NULL,
                    wait_seconds INTEGER,
                    talk_seconds INTEGER,
                    ended_by TEXT,
                    cause TEXT,
                    PRIMARY KEY (arrived_at, call_id)
                ) WITHOUT ROWID;
                CREATE INDEX call_records_by_queue ON call_records(queue, arrived_at);
                CREATE INDEX call_records_by_agent ON call_records(agent, arrived_at);
                CREATE INDEX call_records_by_caller ON call_records(caller_number, arrived_at);
                CREATE INDEX call_records_by_dialed ON call_records(dialed_number, arrived_at);
                CREATE INDEX call_records_open ON call_records(arrived_at) WHERE ended_at IS NULL;

                CREATE TABLE offer_attempts (
                    call_arrived_at INTEGER NOT NULL,
                    call_id TEXT NOT NULL,
                    sequence INTEGER NOT NULL,
                    agent TEXT NOT NULL,
                    offered_at INTEGER NOT NULL,
                    ringing_at INTEGER,
                    ended_at INTEGER NOT NULL,
                    result TEXT NOT NULL,
                    PRIMARY KEY (call_arrived_at, call_id, sequence)
                ) WITHOUT ROWID;
                CREATE INDEX offer_attempts_by_agent ON offer_attempts(agent, offered_at);

                CREATE TABLE queue_log (
                    id INTEGER PRIMARY KEY,
                    time INTEGER NOT NULL,
                    callid TEXT NOT NULL,
                    queuename TEXT NOT NULL,
                    agent TEXT NOT NULL,
                    event TEXT NOT NULL,
                    data1 TEXT, data2 TEXT, data3 TEXT, data4 TEXT, data5 TEXT
                );
                CREATE INDEX queue_log_by_time ON queue_log(time);

                CREATE TABLE agent_status (
                    agent TEXT PRIMARY KEY,
                    status TEXT NOT NULL,
                    paused INTEGER NOT NULL,
                    reason TEXT,
                    since INTEGER NOT NULL,
                    until INTEGER
                );
                """)
        }
        migrator.registerMigration("v2: calls in progress apart from ended calls, no offer index by agent") { db in
            try db.execute(sql: """
                CREATE TABLE open_call_records (
                    arrived_at INTEGER NOT NULL,
                    call_id TEXT NOT NULL,
                    caller_number TEXT NOT NULL,
                    dialed_number TEXT,
                    queue TEXT NOT NULL,
                    agent TEXT,
                    first_offer_at INTEGER,
                    answered_at INTEGER,
                    ended_at INTEGER,
                    outcome TEXT NOT NULL,
                    wait_seconds INTEGER,
                    talk_seconds INTEGER,
                    ended_by TEXT,
                    cause TEXT,
                    PRIMARY KEY (arrived_at, call_id)
                ) WITHOUT ROWID;
                INSERT INTO open_call_records SELECT * FROM call_records WHERE ended_at IS NULL;
                DELETE FROM call_records WHERE ended_at IS NULL;
                DROP INDEX call_records_open;
                DROP INDEX offer_attempts_by_agent;
                """)
        }
        migrator.registerMigration("v3: pending callbacks") { db in
            try db.execute(sql: """
                CREATE TABLE pending_callbacks (
                    arrived_at INTEGER NOT NULL,
                    call_id TEXT NOT NULL,
                    queue TEXT NOT NULL,
                    caller_number TEXT NOT NULL,
                    dialed_number TEXT NOT NULL,
                    trunk TEXT NOT NULL,
                    priority INTEGER NOT NULL,
                    required_skills TEXT NOT NULL,
                    place_taken_at INTEGER NOT NULL,
                    entered_queue_at INTEGER NOT NULL,
                    original_position INTEGER NOT NULL,
                    attempts INTEGER NOT NULL,
                    next_attempt_at INTEGER,
                    PRIMARY KEY (arrived_at, call_id)
                ) WITHOUT ROWID;
                """)
        }
        return migrator
    }
}
