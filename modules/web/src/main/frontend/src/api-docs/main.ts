// The API explorer at /api-docs: Swagger UI over the server's own /openapi, under the same strict CSP as
// the staff app (no inline scripts or styles, nothing fetched from elsewhere).
import SwaggerUIBundle from 'swagger-ui-dist/swagger-ui-bundle.js';
import 'swagger-ui-dist/swagger-ui.css';
import './api-docs.css';

SwaggerUIBundle({
  url: '/openapi?format=json',
  dom_id: '#api-docs',
  deepLinking: true,
  // No call to the public validator service: the page talks to ServicePoint only.
  validatorUrl: null,
  // Requests from the page carry no cookies; a token is pasted into "Authorize" by whoever tries a call.
  withCredentials: false,
  docExpansion: 'list',
  defaultModelsExpandDepth: 0,
});
