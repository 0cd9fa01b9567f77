// libcurl's easy interface through dlopen: the few options `sitegen check --external` uses,
// by their numbers in curl.h (a stable ABI), so neither curl.h nor libcurl is needed to build.
#include "CLinkCheck.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

enum {
    OPT_URL = 10002, OPT_ERRORBUFFER = 10010, OPT_WRITEFUNCTION = 20011, OPT_USERAGENT = 10018,
    OPT_NOBODY = 44, OPT_FOLLOWLOCATION = 52, OPT_MAXREDIRS = 68, OPT_HTTPGET = 80, OPT_NOSIGNAL = 99,
    OPT_TIMEOUT_MS = 155, OPT_CONNECTTIMEOUT_MS = 156, OPT_PROTOCOLS_STR = 10318, OPT_REDIR_PROTOCOLS_STR = 10319,
    INFO_RESPONSE_CODE = 0x200002, GLOBAL_DEFAULT = 3, ERROR_SIZE = 256, E_WRITE_ERROR = 23,
};

typedef void CURL;
static int (*global_init)(long);
static CURL *(*easy_init)(void);
static int (*easy_setopt)(CURL *, int, ...);
static int (*easy_perform)(CURL *);
static int (*easy_getinfo)(CURL *, int, ...);
static void (*easy_cleanup)(CURL *);
static const char *(*easy_strerror)(int);
static int loaded;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void load(void) {
    const char *names[] = {"libcurl.so.4", "libcurl.so", "libcurl.4.dylib", "libcurl.dylib"};
    void *lib = NULL;
    for (size_t i = 0; i < sizeof names / sizeof names[0] && !lib; i++) lib = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
    if (!lib) return;
    global_init = (int (*)(long))dlsym(lib, "curl_global_init");
    easy_init = (CURL * (*)(void)) dlsym(lib, "curl_easy_init");
    easy_setopt = (int (*)(CURL *, int, ...))dlsym(lib, "curl_easy_setopt");
    easy_perform = (int (*)(CURL *))dlsym(lib, "curl_easy_perform");
    easy_getinfo = (int (*)(CURL *, int, ...))dlsym(lib, "curl_easy_getinfo");
    easy_cleanup = (void (*)(CURL *))dlsym(lib, "curl_easy_cleanup");
    easy_strerror = (const char *(*)(int))dlsym(lib, "curl_easy_strerror");
    // curl_global_init is not thread-safe: it runs here, once.
    loaded = global_init && easy_init && easy_setopt && easy_perform && easy_getinfo && easy_cleanup && easy_strerror
        && global_init(GLOBAL_DEFAULT) == 0;
}

// The body is not needed: stop at its first bytes (the status is known by then).
static size_t stop_at_body(char *data, size_t size, size_t count, void *user) {
    (void)data; (void)size; (void)count; (void)user;
    return 0;
}

int sitegen_http_status(const char *url, int head, long timeout_ms, const char *user_agent,
                        long *status, char *message, size_t message_size) {
    pthread_once(&once, load);
    *status = 0;
    if (message_size > 0) message[0] = 0;
    if (!loaded) {
        snprintf(message, message_size, "libcurl could not be loaded; install libcurl4 to check external links");
        return -1;
    }
    CURL *curl = easy_init();
    if (!curl) {
        snprintf(message, message_size, "libcurl could not start a request");
        return -1;
    }
    char error[ERROR_SIZE] = {0};
    easy_setopt(curl, OPT_URL, url);
    easy_setopt(curl, OPT_ERRORBUFFER, error);
    easy_setopt(curl, OPT_NOSIGNAL, 1L);  // timeouts without signals: requests run on several threads
    easy_setopt(curl, OPT_TIMEOUT_MS, timeout_ms);
    easy_setopt(curl, OPT_CONNECTTIMEOUT_MS, timeout_ms);
    easy_setopt(curl, OPT_FOLLOWLOCATION, 1L);
    easy_setopt(curl, OPT_MAXREDIRS, 10L);
    easy_setopt(curl, OPT_PROTOCOLS_STR, "http,https");  // older libcurl ignores these two
    easy_setopt(curl, OPT_REDIR_PROTOCOLS_STR, "http,https");
    easy_setopt(curl, OPT_USERAGENT, user_agent);
    easy_setopt(curl, OPT_WRITEFUNCTION, stop_at_body);
    if (head) easy_setopt(curl, OPT_NOBODY, 1L); else easy_setopt(curl, OPT_HTTPGET, 1L);
    int code = easy_perform(curl);
    long response = 0;
    easy_getinfo(curl, INFO_RESPONSE_CODE, &response);
    easy_cleanup(curl);
    if (code == E_WRITE_ERROR && response > 0) code = 0;  // stopped at the body on purpose
    if (code == 0) {
        *status = response;
        return 0;
    }
    snprintf(message, message_size, "%s", error[0] ? error : easy_strerror(code));
    return code;
}
