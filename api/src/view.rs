//! What the API shows of a submission. Secret test data is never returned: secret tests show
//! their verdict, time and memory, but not the validator's message (it may quote the answer);
//! only a failed sample shows its input, expected and actual output.

use judge::problem::{ProblemPackage, TestGroup};
use serde::Serialize;
use serde_json::Value;

use jobs::{Event, SubmissionRow};

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct TestView {
    pub group: String,
    pub name: String,
    pub verdict: String,
    pub time_ms: f64,
    pub wall_ms: f64,
    pub memory_bytes: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct FailedSample {
    pub name: String,
    pub input: String,
    pub expected: String,
    pub actual: String,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct SubmissionView {
    pub id: String,
    pub problem: String,
    pub language: String,
    pub kind: String,
    pub status: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verdict: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time_ms: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub memory_bytes: Option<i64>,
    pub tests: Vec<TestView>,
    /// Tests the judging will run, once known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tests_total: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub compile_message: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub judge_error: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub failed_sample: Option<FailedSample>,
    pub trace_id: String,
    pub created_at: i64,
}

/// Whether a test's validator message may be shown: not for a wrong answer on a secret test,
/// where it may quote the hidden answer.
fn message_is_public(group: &str, verdict: &str) -> bool {
    group == "sample" || verdict != "WA"
}

/// An event's data as clients may see it (a `test` event loses a secret test's WA message).
pub fn public_event_data(kind: &str, data: &str) -> String {
    if kind != "test" {
        return data.to_string();
    }
    let Ok(mut v) = serde_json::from_str::<Value>(data) else {
        return data.to_string();
    };
    if let Some(result) = v.get_mut("result").and_then(Value::as_object_mut) {
        let group = result.get("group").and_then(Value::as_str).unwrap_or("");
        let verdict = result.get("verdict").and_then(Value::as_str).unwrap_or("");
        if !message_is_public(group, verdict) {
            result.remove("message");
        }
    }
    v.to_string()
}

fn test_view(t: &Value) -> Option<TestView> {
    let group = t.get("group")?.as_str()?.to_string();
    let verdict = t.get("verdict")?.as_str()?.to_string();
    let public = message_is_public(&group, &verdict);
    Some(TestView {
        name: t.get("name")?.as_str()?.to_string(),
        time_ms: t.get("cpu_ms").and_then(Value::as_f64).unwrap_or(0.0),
        wall_ms: t.get("wall_ms").and_then(Value::as_f64).unwrap_or(0.0),
        memory_bytes: t.get("memory_bytes").and_then(Value::as_u64).unwrap_or(0),
        message: if public {
            t.get("message").and_then(Value::as_str).map(str::to_string)
        } else {
            None
        },
        group,
        verdict,
    })
}

fn read(path: &std::path::Path) -> String {
    std::fs::read(path)
        .map(|b| String::from_utf8_lossy(&b[..b.len().min(64 * 1024)]).into_owned())
        .unwrap_or_default()
}

/// The view of `row`; `events` are its stored events (used for tests finished so far while it
/// is being judged).
pub fn submission(
    row: &SubmissionRow,
    problem: Option<&ProblemPackage>,
    events: &[Event],
) -> SubmissionView {
    let result: Option<Value> = row
        .result
        .as_deref()
        .and_then(|r| serde_json::from_str(r).ok());
    let raw_tests: Vec<Value> = match &result {
        Some(r) => r
            .get("tests")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default(),
        None => events
            .iter()
            .filter(|e| e.kind == "test")
            .filter_map(|e| serde_json::from_str::<Value>(&e.data).ok())
            .filter_map(|d| d.get("result").cloned())
            .collect(),
    };
    let tests_total = events
        .iter()
        .rev()
        .filter_map(|e| serde_json::from_str::<Value>(&e.data).ok())
        .find_map(|d| d.get("tests").and_then(Value::as_u64));
    let failed_sample = raw_tests.iter().find_map(|t| {
        let group = t.get("group")?.as_str()?;
        let name = t.get("name")?.as_str()?;
        let actual = t.get("output")?.as_str()?;
        if group != "sample" && name != "custom" {
            return None;
        }
        let case = problem?
            .tests
            .iter()
            .find(|c| c.name == name && c.group == TestGroup::Sample);
        Some(FailedSample {
            name: name.to_string(),
            input: case
                .map(|c| read(&c.input))
                .unwrap_or_else(|| row.custom_input.clone().unwrap_or_default()),
            expected: case.map(|c| read(&c.answer)).unwrap_or_default(),
            actual: actual.to_string(),
        })
    });
    let text = |key: &str| {
        result
            .as_ref()
            .and_then(|r| r.get(key))
            .and_then(Value::as_str)
            .map(str::to_string)
    };
    SubmissionView {
        id: row.id.clone(),
        problem: row.problem.clone(),
        language: row.language.clone(),
        kind: row.kind.clone(),
        status: row.status.clone(),
        verdict: row.verdict.clone(),
        time_ms: row.time_ms,
        memory_bytes: row.memory_bytes,
        tests: raw_tests.iter().filter_map(test_view).collect(),
        tests_total,
        compile_message: text("compile_message"),
        judge_error: text("judge_error"),
        failed_sample,
        trace_id: row.trace_id.clone(),
        created_at: row.created_at,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secret_wrong_answer_messages_do_not_leave_the_server() {
        let secret =
            r#"{"index":3,"result":{"group":"secret","verdict":"WA","message":"expected `42`"}}"#;
        let shown: Value = serde_json::from_str(&public_event_data("test", secret)).unwrap();
        assert!(shown["result"].get("message").is_none());
        assert_eq!(shown["result"]["verdict"], "WA");
        let sample = r#"{"result":{"group":"sample","verdict":"WA","message":"expected `3`"}}"#;
        assert!(public_event_data("test", sample).contains("expected `3`"));
        let tle =
            r#"{"result":{"group":"secret","verdict":"TLE","message":"CPU time limit exceeded"}}"#;
        assert!(public_event_data("test", tle).contains("CPU time"));
    }
}
