#ifndef SITEGEN_CLINKCHECK_H
#define SITEGEN_CLINKCHECK_H

#include <stddef.h>

/// Asks `url` with HEAD (`head` != 0) or GET through the system's libcurl, which is loaded on the
/// first call (so no other command pays for loading libcurl and its libraries).
/// Redirects are followed (http and https only); a GET reads the headers, not the body.
/// Returns 0 when the server answered (`*status` holds the HTTP status), -1 when libcurl cannot
/// be loaded, else libcurl's error code; `message` (of `message_size` bytes) then says why.
int sitegen_http_status(const char *url, int head, long timeout_ms, const char *user_agent,
                        long *status, char *message, size_t message_size);

#endif
