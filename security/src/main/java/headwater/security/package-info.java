/**
 * Security mechanisms that know nothing of the rest of Headwater: password hashing and policy, TOTP two-factor codes, secret comparison, and the
 * outbound URL policy that keeps imports from reaching into the operator's own network (SSRF). Imports no other
 * module of ours.
 */
package headwater.security;
