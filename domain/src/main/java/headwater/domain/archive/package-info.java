/**
 * Catch-up: what a channel's archive holds, as the middleware needs to know it (the recording itself is the
 * headend's). Ports only; the application implements them over the headend.
 */
package headwater.domain.archive;
