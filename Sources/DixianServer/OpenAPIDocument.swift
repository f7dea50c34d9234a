/// The OpenAPI 3.1 description of the JSON API, served at `/openapi.json`.
enum OpenAPIDocument {
    static let json = #"""
    {
      "openapi": "3.1.0",
      "info": { "title": "Dixian (底线) API", "version": "1",
        "description": "Households, monitoring, visits, warnings, problems, assets, screening runs and reports of one county registry. Every route but the public pages needs Authorization: Bearer NAME.SECRET; what a user may read and change follows their role and areas. Errors are RFC 9457 problem details." },
      "components": {
        "securitySchemes": { "token": { "type": "http", "scheme": "bearer" } },
        "schemas": {
          "Problem": { "type": "object", "required": ["type", "title", "status", "detail"], "properties": {
            "type": { "type": "string" }, "title": { "type": "string" }, "status": { "type": "integer" }, "detail": { "type": "string" },
            "errors": { "type": "array", "items": { "type": "object", "properties": { "field": { "type": "string" }, "message": { "type": "string" } } } } } },
          "Household": { "type": "object", "properties": {
            "number": { "type": "string" }, "village": { "type": "string" }, "head_name": { "type": "string" },
            "category": { "enum": ["lifted", "monitored", "general"] }, "monitored_kind": { "type": ["string", "null"] },
            "helper": { "type": ["string", "null"] }, "size": { "type": "integer" },
            "members": { "type": "array", "items": { "type": "object" } }, "episodes": { "type": "array", "items": { "type": "object" } },
            "etag": { "type": "string" } } }
        },
        "responses": {
          "Problem": { "description": "refused or failed", "content": { "application/problem+json": { "schema": { "$ref": "#/components/schemas/Problem" } } } }
        }
      },
      "security": [ { "token": [] } ],
      "paths": {
        "/api/households": { "get": { "summary": "Households of a village within the user's areas", "parameters": [
            { "name": "village", "in": "query", "schema": { "type": "string" } },
            { "name": "category", "in": "query", "schema": { "enum": ["lifted", "monitored", "general"] } },
            { "name": "limit", "in": "query", "schema": { "type": "integer", "minimum": 1, "maximum": 1000, "default": 100 } } ],
          "responses": { "200": { "description": "households", "content": { "application/json": { "schema": { "type": "array", "items": { "$ref": "#/components/schemas/Household" } } } } },
            "400": { "$ref": "#/components/responses/Problem" }, "403": { "$ref": "#/components/responses/Problem" } } } },
        "/api/households/{number}": {
          "parameters": [ { "name": "number", "in": "path", "required": true, "schema": { "type": "string" } } ],
          "get": { "summary": "One household, its members (ID numbers masked) and episodes; ETag for changes",
            "responses": { "200": { "description": "the household", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Household" } } } },
              "403": { "$ref": "#/components/responses/Problem" }, "404": { "$ref": "#/components/responses/Problem" } } },
          "put": { "summary": "Edit the helper or head's name; If-Match with the ETag is required, a stale one gets 409",
            "parameters": [ { "name": "If-Match", "in": "header", "required": true, "schema": { "type": "string" } } ],
            "requestBody": { "content": { "application/json": { "schema": { "type": "object", "properties": { "helper": { "type": "string" }, "head_name": { "type": "string" } } } } } },
            "responses": { "200": { "description": "the new ETag" }, "409": { "$ref": "#/components/responses/Problem" }, "428": { "$ref": "#/components/responses/Problem" } } } },
        "/api/households/{number}/monitoring": { "post": { "summary": "Report a household's risk: opens a monitoring episode",
            "parameters": [ { "name": "number", "in": "path", "required": true, "schema": { "type": "string" } } ],
            "requestBody": { "content": { "application/json": { "schema": { "type": "object", "required": ["channel"], "properties": {
              "channel": { "enum": ["self-report", "cadre-visit", "department-warning", "township-check"] }, "on": { "type": "string", "format": "date" }, "notes": { "type": "string" } } } } } },
            "responses": { "201": { "description": "the episode's id" }, "422": { "$ref": "#/components/responses/Problem" } } } },
        "/api/episodes/{id}/{action}": { "post": { "summary": "A monitoring step: verify, answer, approve, plan, eliminate, follow-up, send-back, relabel",
            "parameters": [ { "name": "id", "in": "path", "required": true, "schema": { "type": "integer" } },
              { "name": "action", "in": "path", "required": true, "schema": { "enum": ["verify", "answer", "approve", "plan", "eliminate", "follow-up", "send-back", "relabel"] } } ],
            "requestBody": { "content": { "application/json": { "schema": { "type": "object", "properties": {
              "on": { "type": "string", "format": "date" }, "notes": { "type": "string" }, "accepted": { "type": "boolean" }, "reasons": { "type": "string" },
              "risk_types": { "type": "array", "items": { "type": "string" } }, "kind": { "type": "string" }, "stage": { "type": "string" } } } } } },
            "responses": { "200": { "description": "the episode's status" }, "422": { "$ref": "#/components/responses/Problem" } } } },
        "/api/visits": { "post": { "summary": "Record a visit", "responses": { "201": { "description": "the visit's id" } } } },
        "/api/problems": { "get": { "summary": "Open problems of the ledger in the user's areas", "responses": { "200": { "description": "problems" } } } },
        "/api/warnings": { "post": { "summary": "A department pushes warnings (department role)", "responses": { "201": { "description": "received and matched counts" }, "400": { "$ref": "#/components/responses/Problem" } } } },
        "/api/assets": { "get": { "summary": "Assets in the user's areas", "responses": { "200": { "description": "assets" } } } },
        "/api/screening-runs/latest": { "get": { "summary": "The plugin's latest screening run", "responses": { "200": { "description": "the run" }, "404": { "$ref": "#/components/responses/Problem" } } } },
        "/api/reports/{id}": { "get": { "summary": "A report of the plugin for the user's area",
            "parameters": [ { "name": "id", "in": "path", "required": true, "schema": { "type": "string" } },
              { "name": "as_of", "in": "query", "schema": { "type": "string", "format": "date" } },
              { "name": "format", "in": "query", "schema": { "enum": ["html", "md", "csv"] } } ],
            "responses": { "200": { "description": "the report" }, "404": { "$ref": "#/components/responses/Problem" } } } },
        "/self-report": { "get": { "summary": "The 一键报贫 form (public)", "security": [] },
          "post": { "summary": "Submit the form (public, rate-limited per address): every submitter gets the same answer", "security": [] } },
        "/dashboard": { "get": { "summary": "The county dashboard for signed-in users (cookie from /login)" } }
      }
    }
    """#
}
