//! The SQL store: SQLite (the zero-setup default, WAL) or PostgreSQL (production), each with its
//! own migrations run at start-up, behind one interface. The same SQL text serves both (SQLite
//! accepts `$1` placeholders and `RETURNING`).
//!
//! Judging is claimed with an attempt counter and a lease, and a result is written only while the
//! submission is not yet done: a re-delivered job can never leave two different verdicts.

use std::str::FromStr;
use std::time::Duration;

use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions};
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};

use crate::model::{Event, NewSubmission, Status, SubmissionRow};
use crate::now_ms;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database URL `{0}`: use sqlite://PATH or postgres://...")]
    BadUrl(String),
    #[error("database unavailable: {0}")]
    Unavailable(String),
    #[error("database migration failed: {0}")]
    Migration(String),
    #[error("database error: {0}")]
    Query(String),
}

impl From<sqlx::Error> for StoreError {
    fn from(e: sqlx::Error) -> Self {
        match e {
            sqlx::Error::Io(_)
            | sqlx::Error::PoolTimedOut
            | sqlx::Error::PoolClosed
            | sqlx::Error::Tls(_)
            | sqlx::Error::Protocol(_) => StoreError::Unavailable(e.to_string()),
            sqlx::Error::Database(ref db)
                if db
                    .code()
                    .is_some_and(|c| c.starts_with("57") || c.starts_with("08")) =>
            {
                // PostgreSQL's "admin shutdown" and "connection exception" classes.
                StoreError::Unavailable(e.to_string())
            }
            other => StoreError::Query(other.to_string()),
        }
    }
}

#[derive(Debug, Clone)]
enum Pool {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

/// Runs the same body against whichever pool the store has.
macro_rules! on_pool {
    ($store:expr, $pool:ident => $body:expr) => {
        match &$store.pool {
            Pool::Sqlite($pool) => $body,
            Pool::Postgres($pool) => $body,
        }
    };
}

/// Appends an event ($1 submission, $2 kind, $3 data) numbered after the submission's last.
macro_rules! append_event_sql {
    () => {
        "INSERT INTO events (submission_id, seq, kind, data) \
         SELECT $1, COALESCE(MAX(seq), 0) + 1, $2, $3 FROM events WHERE submission_id = $1"
    };
}

/// The outcome of trying to claim a submission for judging.
#[derive(Debug)]
pub enum Claim {
    /// Judge it; this is attempt number `row.attempt`.
    Judge(Box<SubmissionRow>),
    /// Claimed more times than allowed: record a judge error instead of judging again.
    Exhausted(Box<SubmissionRow>),
    /// Already has its verdict.
    Done,
    /// Another worker holds a live lease on it.
    Busy,
    /// No such submission.
    Missing,
}

/// The columns of `SubmissionRow`, as a literal so queries stay static strings.
macro_rules! columns {
    () => {
        "id, problem, language, source, kind, custom_input, status, verdict, attempt, result, \
         time_ms, memory_bytes, trace_id, callback_url, client_id, created_at, updated_at"
    };
}

/// Verdict counts per problem.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ProblemCounts {
    pub problem: String,
    pub accepted: i64,
    pub tried: i64,
}

#[derive(Debug, Clone)]
pub struct Store {
    pool: Pool,
}

impl Store {
    /// Connects to `sqlite://PATH` (created if missing) or `postgres://...`, and migrates.
    pub async fn connect(url: &str) -> Result<Store, StoreError> {
        if url.starts_with("sqlite:") {
            let options = SqliteConnectOptions::from_str(url)
                .map_err(|_| StoreError::BadUrl(url.to_string()))?
                .create_if_missing(true)
                .journal_mode(SqliteJournalMode::Wal)
                // With WAL, NORMAL syncs at checkpoints instead of every commit: the database
                // stays consistent, and only a power cut can lose the latest commits.
                .synchronous(SqliteSynchronous::Normal)
                .busy_timeout(Duration::from_secs(5));
            let pool = SqlitePoolOptions::new()
                .max_connections(8)
                .acquire_timeout(Duration::from_secs(3))
                .connect_with(options)
                .await?;
            sqlx::migrate!("migrations/sqlite")
                .run(&pool)
                .await
                .map_err(|e| StoreError::Migration(e.to_string()))?;
            Ok(Store {
                pool: Pool::Sqlite(pool),
            })
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            let options =
                PgConnectOptions::from_str(url).map_err(|_| StoreError::BadUrl(url.to_string()))?;
            Self::connect_postgres(options).await
        } else {
            Err(StoreError::BadUrl(url.to_string()))
        }
    }

    /// Connects to PostgreSQL with tables in `schema` (created if missing): several judges, or
    /// several test runs, can share one database.
    pub async fn connect_postgres_schema(url: &str, schema: &str) -> Result<Store, StoreError> {
        if !schema
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_')
        {
            return Err(StoreError::BadUrl(format!("schema name `{schema}`")));
        }
        let options =
            PgConnectOptions::from_str(url).map_err(|_| StoreError::BadUrl(url.to_string()))?;
        let admin = PgPoolOptions::new()
            .max_connections(1)
            .acquire_timeout(Duration::from_secs(3))
            .connect_with(options.clone())
            .await?;
        // The name was checked above to be plain letters, digits and underscores.
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "CREATE SCHEMA IF NOT EXISTS {schema}"
        )))
        .execute(&admin)
        .await?;
        admin.close().await;
        Self::connect_postgres(options.options([("search_path", schema)])).await
    }

    async fn connect_postgres(options: PgConnectOptions) -> Result<Store, StoreError> {
        let pool = PgPoolOptions::new()
            .max_connections(16)
            .acquire_timeout(Duration::from_secs(3))
            .connect_with(options)
            .await?;
        sqlx::migrate!("migrations/postgres")
            .run(&pool)
            .await
            .map_err(|e| StoreError::Migration(e.to_string()))?;
        Ok(Store {
            pool: Pool::Postgres(pool),
        })
    }

    pub fn backend(&self) -> &'static str {
        match self.pool {
            Pool::Sqlite(_) => "sqlite",
            Pool::Postgres(_) => "postgres",
        }
    }

    /// For /readyz.
    pub async fn ping(&self) -> Result<(), StoreError> {
        on_pool!(self, p => sqlx::query("SELECT 1").execute(p).await.map(|_| ()))?;
        Ok(())
    }

    pub async fn insert(&self, s: &NewSubmission) -> Result<(), StoreError> {
        let now = now_ms();
        let sql = "INSERT INTO submissions (id, problem, language, source, kind, custom_input, \
                   status, attempt, trace_id, callback_url, client_id, created_at, updated_at) \
                   VALUES ($1, $2, $3, $4, $5, $6, 'queued', 0, $7, $8, $9, $10, $10)";
        on_pool!(self, p => sqlx::query(sql)
            .bind(&s.id)
            .bind(&s.problem)
            .bind(&s.language)
            .bind(&s.source)
            .bind(s.kind.as_str())
            .bind(&s.custom_input)
            .bind(&s.trace_id)
            .bind(&s.callback_url)
            .bind(&s.client_id)
            .bind(now)
            .execute(p)
            .await
            .map(|_| ()))?;
        Ok(())
    }

    pub async fn get(&self, id: &str) -> Result<Option<SubmissionRow>, StoreError> {
        let sql = concat!("SELECT ", columns!(), " FROM submissions WHERE id = $1");
        Ok(on_pool!(self, p => sqlx::query_as::<_, SubmissionRow>(sql)
            .bind(id)
            .fetch_optional(p)
            .await)?)
    }

    /// Recent submissions (not runs), newest first, optionally of one problem or one client.
    pub async fn recent(
        &self,
        problem: Option<&str>,
        client: Option<&str>,
        limit: i64,
    ) -> Result<Vec<SubmissionRow>, StoreError> {
        let sql = concat!(
            "SELECT ",
            columns!(),
            " FROM submissions WHERE kind = 'submission' \
             AND ($1 IS NULL OR problem = $1) AND ($2 IS NULL OR client_id = $2) \
             ORDER BY created_at DESC LIMIT $3"
        );
        Ok(on_pool!(self, p => sqlx::query_as::<_, SubmissionRow>(sql)
            .bind(problem)
            .bind(client)
            .bind(limit)
            .fetch_all(p)
            .await)?)
    }

    /// Claims a submission for judging: it must be queued, or judged under a lease that expired
    /// (its worker vanished). Each claim counts an attempt.
    pub async fn claim(
        &self,
        id: &str,
        lease: Duration,
        max_attempts: i64,
    ) -> Result<Claim, StoreError> {
        let now = now_ms();
        let expired = now - lease.as_millis() as i64;
        let sql = concat!(
            "UPDATE submissions SET status = 'compiling', attempt = attempt + 1, updated_at = $2 \
             WHERE id = $1 AND (status = 'queued' \
               OR (status IN ('compiling', 'running') AND updated_at <= $3)) RETURNING ",
            columns!()
        );
        let claimed = on_pool!(self, p => sqlx::query_as::<_, SubmissionRow>(sql)
            .bind(id)
            .bind(now)
            .bind(expired)
            .fetch_optional(p)
            .await)?;
        Ok(match claimed {
            Some(row) if row.attempt > max_attempts => Claim::Exhausted(Box::new(row)),
            Some(row) => Claim::Judge(Box::new(row)),
            None => match self.get(id).await? {
                None => Claim::Missing,
                Some(row) if row.status() == Status::Done => Claim::Done,
                Some(_) => Claim::Busy,
            },
        })
    }

    /// Moves a claimed submission to `status` and renews its lease. False when the claim was
    /// lost (the submission is done or was claimed again after the lease expired).
    pub async fn touch(&self, id: &str, attempt: i64, status: Status) -> Result<bool, StoreError> {
        let sql = "UPDATE submissions SET status = $3, updated_at = $4 \
                   WHERE id = $1 AND attempt = $2 AND status != 'done'";
        let done = on_pool!(self, p => sqlx::query(sql)
            .bind(id)
            .bind(attempt)
            .bind(status.as_str())
            .bind(now_ms())
            .execute(p)
            .await
            .map(|r| r.rows_affected()))?;
        Ok(done == 1)
    }

    /// Records the result and its `done` event, in one transaction so that a reader never sees
    /// one without the other. Only the first result counts: true if this one was written.
    #[allow(clippy::too_many_arguments)]
    pub async fn finish(
        &self,
        id: &str,
        attempt: i64,
        verdict: &str,
        result_json: &str,
        time_ms: f64,
        memory_bytes: i64,
        done_event: &str,
    ) -> Result<bool, StoreError> {
        let update = "UPDATE submissions SET status = 'done', verdict = $3, result = $4, \
                   time_ms = $5, memory_bytes = $6, result_attempt = $2, updated_at = $7 \
                   WHERE id = $1 AND status != 'done'";
        let written = on_pool!(self, p => async {
            let mut tx = p.begin().await?;
            let n = sqlx::query(update)
                .bind(id)
                .bind(attempt)
                .bind(verdict)
                .bind(result_json)
                .bind(time_ms)
                .bind(memory_bytes)
                .bind(now_ms())
                .execute(&mut *tx)
                .await?
                .rows_affected();
            if n == 1 {
                sqlx::query(append_event_sql!())
                    .bind(id)
                    .bind("done")
                    .bind(done_event)
                    .execute(&mut *tx)
                    .await?;
            }
            tx.commit().await?;
            Ok::<bool, sqlx::Error>(n == 1)
        }
        .await)?;
        Ok(written)
    }

    /// Appends to a submission's event log; returns the event's sequence number.
    pub async fn append_event(&self, id: &str, kind: &str, data: &str) -> Result<i64, StoreError> {
        let sql = concat!(append_event_sql!(), " RETURNING seq");
        let seq: i64 = on_pool!(self, p => sqlx::query_scalar(sql)
            .bind(id)
            .bind(kind)
            .bind(data)
            .fetch_one(p)
            .await)?;
        Ok(seq)
    }

    /// The events of a submission after `seq`, in order.
    pub async fn events_after(&self, id: &str, seq: i64) -> Result<Vec<Event>, StoreError> {
        let sql = "SELECT submission_id, seq, kind, data FROM events \
                   WHERE submission_id = $1 AND seq > $2 ORDER BY seq";
        Ok(on_pool!(self, p => sqlx::query_as::<_, Event>(sql)
            .bind(id)
            .bind(seq)
            .fetch_all(p)
            .await)?)
    }

    /// Submissions that may have fallen out of Redis: queued for longer than `queued_for`, or
    /// judged under a lease older than `lease`.
    pub async fn stale(
        &self,
        queued_for: Duration,
        lease: Duration,
        limit: i64,
    ) -> Result<Vec<String>, StoreError> {
        let now = now_ms();
        let sql = "SELECT id FROM submissions WHERE (status = 'queued' AND updated_at <= $1) \
                   OR (status IN ('compiling', 'running') AND updated_at <= $2) \
                   ORDER BY updated_at LIMIT $3";
        Ok(on_pool!(self, p => sqlx::query_scalar::<_, String>(sql)
            .bind(now - queued_for.as_millis() as i64)
            .bind(now - lease.as_millis() as i64)
            .bind(limit)
            .fetch_all(p)
            .await)?)
    }

    /// Puts a submission back in the queued state (its worker died); false if it is done.
    pub async fn requeue(&self, id: &str) -> Result<bool, StoreError> {
        let sql = "UPDATE submissions SET status = 'queued', updated_at = $2 \
                   WHERE id = $1 AND status != 'done'";
        let done = on_pool!(self, p => sqlx::query(sql)
            .bind(id)
            .bind(now_ms())
            .execute(p)
            .await
            .map(|r| r.rows_affected()))?;
        Ok(done == 1)
    }

    /// Accepted and tried submissions per problem.
    pub async fn problem_counts(&self) -> Result<Vec<ProblemCounts>, StoreError> {
        let sql = "SELECT problem, \
                   CAST(SUM(CASE WHEN verdict = 'AC' THEN 1 ELSE 0 END) AS BIGINT) AS accepted, \
                   CAST(COUNT(*) AS BIGINT) AS tried \
                   FROM submissions WHERE kind = 'submission' GROUP BY problem";
        Ok(on_pool!(self, p => sqlx::query_as::<_, ProblemCounts>(sql).fetch_all(p).await)?)
    }

    /// Verdicts given since `since_ms`, with their counts.
    pub async fn verdict_counts(&self, since_ms: i64) -> Result<Vec<(String, i64)>, StoreError> {
        let sql = "SELECT verdict, CAST(COUNT(*) AS BIGINT) FROM submissions \
                   WHERE status = 'done' AND updated_at >= $1 AND verdict IS NOT NULL \
                   GROUP BY verdict ORDER BY verdict";
        Ok(on_pool!(self, p => sqlx::query_as::<_, (String, i64)>(sql)
            .bind(since_ms)
            .fetch_all(p)
            .await)?)
    }
}
