//! The OpenAPI document, generated from the handlers' annotations and the request and response
//! types, so it cannot drift from the code.

use axum::Json;
use utoipa::OpenApi;
use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityScheme};

/// Declares the admin endpoints' bearer token.
struct BearerAuth;

impl utoipa::Modify for BearerAuth {
    fn modify(&self, api: &mut utoipa::openapi::OpenApi) {
        let components = api.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(Http::new(HttpAuthScheme::Bearer)),
        );
    }
}

#[derive(OpenApi)]
#[openapi(
    info(title = "judge", description = "An online judge: submit code, get verdicts."),
    modifiers(&BearerAuth),
    paths(
        super::submissions::create,
        super::submissions::show,
        super::submissions::events,
        super::submissions::run,
        super::problems::list,
        super::problems::show,
        super::problems::languages,
        super::health::healthz,
        super::health::readyz,
        super::health::metrics,
        super::admin::reload,
        super::admin::requeue,
    ),
    components(schemas(
        super::submissions::SubmitRequest,
        super::submissions::RunRequest,
        super::submissions::Accepted,
        crate::view::SubmissionView,
        crate::view::TestView,
        crate::view::FailedSample,
        crate::error::ErrorBody,
    ))
)]
pub struct ApiDoc;

pub async fn document() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}
