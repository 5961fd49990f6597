/** Logging of the application: what its log lines may contain. */
package headwater.app.logging;
