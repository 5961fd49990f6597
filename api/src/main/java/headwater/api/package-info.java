/**
 * The admin REST API under {@code /api/v1}: JSON over the domain's repositories, errors as RFC 9457
 * {@code application/problem+json}, and its OpenAPI 3 document. Imports only domain and security; app wires it.
 */
package headwater.api;
