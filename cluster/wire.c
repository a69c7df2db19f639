/* wire.c: dqlite's wire protocol, client side (see wire.h). */
#define _GNU_SOURCE
#include "wire.h"

#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

enum { REQ_LEADER = 0, REQ_OPEN = 3, REQ_PREPARE = 4, REQ_EXEC = 5, REQ_QUERY = 6, REQ_EXEC_SQL = 8, REQ_QUERY_SQL = 9, REQ_ADD = 12,
       REQ_ASSIGN = 13, REQ_REMOVE = 14, REQ_DUMP = 15, REQ_CLUSTER = 16, REQ_TRANSFER = 17 };
enum { RES_FAILURE = 0, RES_SERVER = 1, RES_SERVERS = 3, RES_DB = 4, RES_STMT = 5, RES_RESULT = 6,
       RES_ROWS = 7, RES_EMPTY = 8, RES_FILES = 9 };
#define PROTOCOL_VERSION 1
#define ROWS_PART 0xeeeeeeeeeeeeeeeeULL  /* a batch of rows ends, more follow */
#define ROWS_DONE 0xffffffffffffffffULL  /* the last batch ends */
#define MAX_PARAMS 255                   /* a schema-0 parameter tuple counts them in a byte */

static size_t pad8(size_t n) { return (n + 7) & ~(size_t)7; }

static int fail(DqConn *c, int code, const char *fmt, ...)
{
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(c->err, sizeof c->err, fmt, ap);
  va_end(ap);
  c->code = code;
  return -1;
}

int64_t dq_now_ms(void)
{
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (int64_t)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* --- connecting ---------------------------------------------------------- */

/* "host:port" or "[v6]:port" into host and port. */
static int split_address(const char *address, char *host, size_t host_size, const char **port)
{
  const char *colon = strrchr(address, ':');
  const char *h = address;
  size_t n;
  if (colon == NULL || colon[1] == '\0') return -1;
  n = (size_t)(colon - address);
  if (n >= 2 && h[0] == '[' && h[n - 1] == ']') { h++; n -= 2; }
  if (n == 0 || n >= host_size) return -1;
  memcpy(host, h, n);
  host[n] = '\0';
  *port = colon + 1;
  return 0;
}

void dq_set_timeout(DqConn *c, int timeout_ms)
{
  struct timeval tv = { timeout_ms / 1000, (timeout_ms % 1000) * 1000 };
  setsockopt(c->fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  setsockopt(c->fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
}

static int write_all(DqConn *c, const void *p, size_t n)
{
  const uint8_t *b = p;
  while (n > 0) {
    ssize_t w = send(c->fd, b, n, MSG_NOSIGNAL);
    if (w < 0 && errno == EINTR) continue;
    if (w < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
      return fail(c, 0, "%s: timed out writing", c->address);
    if (w <= 0) return fail(c, 0, "%s: write: %s", c->address, strerror(errno));
    b += w;
    n -= (size_t)w;
  }
  return 0;
}

static int read_all(DqConn *c, void *p, size_t n)
{
  uint8_t *b = p;
  while (n > 0) {
    ssize_t r = recv(c->fd, b, n, 0);
    if (r < 0 && errno == EINTR) continue;
    if (r < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
      return fail(c, 0, "%s: timed out waiting for a response", c->address);
    if (r < 0) return fail(c, 0, "%s: read: %s", c->address, strerror(errno));
    if (r == 0) return fail(c, 0, "%s: connection closed by the node", c->address);
    b += r;
    n -= (size_t)r;
  }
  return 0;
}

int dq_connect(DqConn *c, const char *address, int timeout_ms)
{
  char host[256];
  const char *port;
  struct addrinfo hints = { .ai_family = AF_UNSPEC, .ai_socktype = SOCK_STREAM }, *res, *ai;
  uint8_t version[8] = { PROTOCOL_VERSION };
  int rc, saved = 0, one = 1;

  memset(c, 0, sizeof *c);
  c->fd = -1;
  snprintf(c->address, sizeof c->address, "%s", address);
  if (split_address(address, host, sizeof host, &port) != 0)
    return fail(c, 0, "%s: not an address of the form host:port", address);
  rc = getaddrinfo(host, port, &hints, &res);
  if (rc != 0) return fail(c, 0, "%s: %s", address, gai_strerror(rc));
  for (ai = res; ai != NULL; ai = ai->ai_next) {
    c->fd = socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC, ai->ai_protocol);
    if (c->fd < 0) { saved = errno; continue; }
    dq_set_timeout(c, timeout_ms);  /* Linux bounds connect() by the send timeout */
    if (connect(c->fd, ai->ai_addr, ai->ai_addrlen) == 0) break;
    saved = errno;
    close(c->fd);
    c->fd = -1;
  }
  freeaddrinfo(res);
  if (c->fd < 0)
    return fail(c, 0, "%s: connect: %s", address,
                saved == EINPROGRESS ? "timed out" : strerror(saved));
  setsockopt(c->fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  if (write_all(c, version, sizeof version) != 0) { close(c->fd); c->fd = -1; return -1; }
  return 0;
}

void dq_close(DqConn *c)
{
  if (c->fd >= 0) close(c->fd);
  c->fd = -1;
  free(c->in);
  free(c->out);
  c->in = c->out = NULL;
  c->in_cap = c->out_cap = c->in_len = c->out_len = 0;
}

/* --- requests ------------------------------------------------------------ */

/* The request body is built in c->out after 8 bytes left for the header;
 * a failed allocation sets out_cap to SIZE_MAX, checked when sending. */
static void put_bytes(DqConn *c, const void *p, size_t n, size_t padded)
{
  if (c->out_cap == SIZE_MAX) return;
  if (c->out_len + padded > c->out_cap) {
    size_t cap = c->out_cap ? c->out_cap : 4096;
    uint8_t *b;
    while (cap < c->out_len + padded) cap *= 2;
    b = realloc(c->out, cap);
    if (b == NULL) { c->out_cap = SIZE_MAX; return; }
    c->out = b;
    c->out_cap = cap;
  }
  memcpy(c->out + c->out_len, p, n);
  memset(c->out + c->out_len + n, 0, padded - n);
  c->out_len += padded;
}

static void put_u64(DqConn *c, uint64_t v)
{
  uint8_t b[8];
  for (int i = 0; i < 8; i++) b[i] = (uint8_t)(v >> (8 * i));
  put_bytes(c, b, 8, 8);
}

static void put_text(DqConn *c, const char *s, size_t n)
{
  put_bytes(c, s, n, pad8(n + 1));  /* the padding holds the terminating zero */
}

static void begin(DqConn *c)
{
  if (c->out_cap == SIZE_MAX) c->out_cap = 0;
  c->out_len = 0;
  put_bytes(c, "", 0, 8);
  c->code = 0;
  c->err[0] = '\0';
}

/* Read one message into c->in; a failure response becomes -1 with the
 * node's code and message. */
static int read_message(DqConn *c)
{
  uint8_t h[8];
  size_t n;
  if (read_all(c, h, 8) != 0) return -1;
  n = ((size_t)h[0] | (size_t)h[1] << 8 | (size_t)h[2] << 16 | (size_t)h[3] << 24) * 8;
  if (n > c->in_cap) {
    uint8_t *b = realloc(c->in, n);
    if (b == NULL) return fail(c, 0, "%s: out of memory for a %zu-byte response", c->address, n);
    c->in = b;
    c->in_cap = n;
  }
  if (read_all(c, c->in, n) != 0) return -1;
  c->in_len = n;
  c->in_pos = 0;
  c->in_bad = 0;
  c->in_type = h[4];
  return 0;
}

static uint64_t get_u64(DqConn *c)
{
  uint64_t v = 0;
  if (c->in_pos + 8 > c->in_len) { c->in_bad = 1; return 0; }
  for (int i = 7; i >= 0; i--) v = v << 8 | c->in[c->in_pos + (size_t)i];
  c->in_pos += 8;
  return v;
}

static const char *get_text(DqConn *c, size_t *len)
{
  const uint8_t *s = c->in + c->in_pos;
  const uint8_t *z = c->in_pos < c->in_len ? memchr(s, 0, c->in_len - c->in_pos) : NULL;
  if (z == NULL) { c->in_bad = 1; if (len) *len = 0; return ""; }
  if (len) *len = (size_t)(z - s);
  c->in_pos += pad8((size_t)(z - s) + 1);
  if (c->in_pos > c->in_len) c->in_pos = c->in_len;
  return (const char *)s;
}

static const uint8_t *get_bytes(DqConn *c, size_t n)
{
  const uint8_t *p = c->in + c->in_pos;
  if (n > c->in_len - c->in_pos || pad8(n) > c->in_len - c->in_pos) { c->in_bad = 1; return NULL; }
  c->in_pos += pad8(n);
  return p;
}

static int response_failure(DqConn *c)
{
  uint64_t code = get_u64(c);
  const char *msg = get_text(c, NULL);
  return fail(c, (int)code, "%s", msg[0] ? msg : "failure without a message");
}

/* Send the request built since begin() and read its response, which must
 * be of type want. */
static int request(DqConn *c, int type, int want)
{
  size_t words;
  if (c->out_cap == SIZE_MAX) return fail(c, 0, "out of memory building a request");
  words = (c->out_len - 8) / 8;
  if (words > UINT32_MAX) return fail(c, 0, "request too large (%zu bytes)", c->out_len);
  for (int i = 0; i < 4; i++) c->out[i] = (uint8_t)(words >> (8 * i));
  c->out[4] = (uint8_t)type;
  c->out[5] = c->out[6] = c->out[7] = 0;
  if (write_all(c, c->out, c->out_len) != 0 || read_message(c) != 0) return -1;
  if (c->in_type == RES_FAILURE) return response_failure(c);
  if (c->in_type != want)
    return fail(c, 0, "%s: response of type %d to request %d, expected %d", c->address,
                c->in_type, type, want);
  return 0;
}

static int check_decoded(DqConn *c)
{
  return c->in_bad ? fail(c, 0, "%s: response shorter than its fields", c->address) : 0;
}

/* --- cluster ------------------------------------------------------------- */

int dq_leader(DqConn *c, uint64_t *id, char *address, size_t address_size)
{
  begin(c);
  put_u64(c, 0);
  if (request(c, REQ_LEADER, RES_SERVER) != 0) return -1;
  *id = get_u64(c);
  snprintf(address, address_size, "%s", get_text(c, NULL));
  return check_decoded(c);
}

int dq_connect_leader(DqConn *c, const char *addresses, int64_t deadline_ms)
{
  char last[1200] = "no address given";
  for (;;) {
    const char *a = addresses;
    while (*a) {
      char addr[256], leader[256];
      size_t n = strcspn(a, ",");
      uint64_t id = 0, confirmed = 0;
      int64_t left = deadline_ms - dq_now_ms();
      int timeout = (int)(left < 200 ? 200 : left > 2000 ? 2000 : left);
      snprintf(addr, sizeof addr, "%.*s", (int)(n < sizeof addr ? n : sizeof addr - 1), a);
      a += n + (a[n] == ',');
      if (addr[0] == '\0') continue;
      if (dq_connect(c, addr, timeout) != 0 || dq_leader(c, &id, leader, sizeof leader) != 0) {
        snprintf(last, sizeof last, "%s", c->err);
        dq_close(c);
        continue;
      }
      if (id == 0) {
        snprintf(last, sizeof last, "%s knows no leader", addr);
        dq_close(c);
        continue;
      }
      if (strcmp(leader, addr) != 0) {   /* go to the leader and ask it again */
        char again[256];
        dq_close(c);
        if (dq_connect(c, leader, timeout) != 0 || dq_leader(c, &confirmed, again, sizeof again) != 0) {
          snprintf(last, sizeof last, "leader %s named by %s: %s", leader, addr, c->err);
          dq_close(c);
          continue;
        }
        if (confirmed != id) {
          snprintf(last, sizeof last, "%s named %s the leader, which names node %llu", addr,
                   leader, (unsigned long long)confirmed);
          dq_close(c);
          continue;
        }
      }
      return 0;
    }
    if (dq_now_ms() >= deadline_ms) {
      memset(c, 0, sizeof *c);
      c->fd = -1;
      return fail(c, 0, "no leader found in time: %s", last);
    }
    nanosleep(&(struct timespec){ 0, 50 * 1000000L }, NULL);  /* poll again */
  }
}

int dq_cluster(DqConn *c, DqNode *nodes, int max, int *n)
{
  uint64_t count;
  begin(c);
  put_u64(c, 1);  /* format 1: with roles */
  if (request(c, REQ_CLUSTER, RES_SERVERS) != 0) return -1;
  count = get_u64(c);
  if (count > (c->in_len - c->in_pos) / 8) return fail(c, 0, "%s: bad node count", c->address);
  *n = (int)count;
  for (int i = 0; i < (int)count; i++) {
    uint64_t id = get_u64(c);
    const char *address = get_text(c, NULL);
    int role = (int)get_u64(c);
    if (i < max) {
      nodes[i].id = id;
      snprintf(nodes[i].address, sizeof nodes[i].address, "%s", address);
      nodes[i].role = role;
    }
  }
  return check_decoded(c);
}

int dq_add(DqConn *c, uint64_t id, const char *address)
{
  begin(c);
  put_u64(c, id);
  put_text(c, address, strlen(address));
  return request(c, REQ_ADD, RES_EMPTY);
}

int dq_assign(DqConn *c, uint64_t id, int role)
{
  begin(c);
  put_u64(c, id);
  put_u64(c, (uint64_t)role);
  return request(c, REQ_ASSIGN, RES_EMPTY);
}

int dq_remove(DqConn *c, uint64_t id)
{
  begin(c);
  put_u64(c, id);
  return request(c, REQ_REMOVE, RES_EMPTY);
}

int dq_transfer(DqConn *c, uint64_t id)
{
  begin(c);
  put_u64(c, id);
  return request(c, REQ_TRANSFER, RES_EMPTY);
}

/* --- SQL ----------------------------------------------------------------- */

int dq_open(DqConn *c, const char *name)
{
  begin(c);
  put_text(c, name, strlen(name));
  put_u64(c, 0);       /* flags: unused */
  put_text(c, "", 0);  /* VFS: unused */
  if (request(c, REQ_OPEN, RES_DB) != 0) return -1;
  c->db = (uint32_t)get_u64(c);  /* a uint32 id and a uint32 unused */
  return check_decoded(c);
}

/* A schema-0 parameter tuple: a count byte, a type byte per value, zeros to
 * a whole word, then the values. */
static int put_params(DqConn *c, const DqValue *v, int n)
{
  uint8_t head[MAX_PARAMS + 1];
  if (n < 0 || n > MAX_PARAMS) return fail(c, 0, "%d parameters: at most %d", n, MAX_PARAMS);
  head[0] = (uint8_t)n;
  for (int i = 0; i < n; i++) head[i + 1] = (uint8_t)v[i].type;
  put_bytes(c, head, (size_t)n + 1, pad8((size_t)n + 1));
  for (int i = 0; i < n; i++) {
    switch (v[i].type) {
    case DQ_INTEGER: case DQ_BOOLEAN: put_u64(c, (uint64_t)v[i].i); break;
    case DQ_FLOAT: { uint64_t b; memcpy(&b, &v[i].f, 8); put_u64(c, b); break; }
    case DQ_TEXT: case DQ_ISO8601: put_text(c, v[i].p, v[i].n); break;
    case DQ_BLOB: put_u64(c, v[i].n); put_bytes(c, v[i].p, v[i].n, pad8(v[i].n)); break;
    case DQ_NULL: put_u64(c, 0); break;
    default: return fail(c, 0, "parameter %d: unknown type %d", i + 1, v[i].type);
    }
  }
  return 0;
}

/* Send the request built, read its RESULT. */
static int exec_request(DqConn *c, int type, uint64_t *last_insert_id, uint64_t *rows_affected)
{
  uint64_t id, changes;
  if (request(c, type, RES_RESULT) != 0) return -1;
  id = get_u64(c);
  changes = get_u64(c);
  if (last_insert_id) *last_insert_id = id;
  if (rows_affected) *rows_affected = changes;
  return check_decoded(c);
}

int dq_exec(DqConn *c, const char *sql, const DqValue *params, int n_params,
            uint64_t *last_insert_id, uint64_t *rows_affected)
{
  begin(c);
  put_u64(c, c->db);
  put_text(c, sql, strlen(sql));
  if (put_params(c, params, n_params) != 0) return -1;
  return exec_request(c, REQ_EXEC_SQL, last_insert_id, rows_affected);
}

int dq_prepare(DqConn *c, const char *sql, uint32_t *stmt_id)
{
  uint64_t ids;
  begin(c);
  put_u64(c, c->db);
  put_text(c, sql, strlen(sql));
  if (request(c, REQ_PREPARE, RES_STMT) != 0) return -1;
  ids = get_u64(c);              /* a uint32 database id, a uint32 statement id */
  *stmt_id = (uint32_t)(ids >> 32);
  get_u64(c);                    /* the number of parameters */
  return check_decoded(c);
}

/* A prepared statement's request: a uint32 database id and a uint32
 * statement id in one word, then the parameters. */
static int put_stmt(DqConn *c, uint32_t stmt_id, const DqValue *params, int n_params)
{
  begin(c);
  put_u64(c, (uint64_t)c->db | (uint64_t)stmt_id << 32);
  return put_params(c, params, n_params);
}

int dq_exec_stmt(DqConn *c, uint32_t stmt_id, const DqValue *params, int n_params,
                 uint64_t *last_insert_id, uint64_t *rows_affected)
{
  if (put_stmt(c, stmt_id, params, n_params) != 0) return -1;
  return exec_request(c, REQ_EXEC, last_insert_id, rows_affected);
}

/* One value of a row, of the given type code. */
static int get_value(DqConn *c, int type, DqValue *v)
{
  uint64_t u;
  memset(v, 0, sizeof *v);
  v->type = type;
  switch (type) {
  case DQ_INTEGER: case DQ_BOOLEAN: v->i = (int64_t)get_u64(c); break;
  case DQ_FLOAT: u = get_u64(c); memcpy(&v->f, &u, 8); break;
  case DQ_TEXT: case DQ_ISO8601: v->p = get_text(c, &v->n); break;
  case DQ_BLOB: v->n = (size_t)get_u64(c); v->p = (const char *)get_bytes(c, v->n); break;
  case DQ_NULL: get_u64(c); break;
  default: return fail(c, 0, "%s: row value of unknown type %d", c->address, type);
  }
  return check_decoded(c);
}

/* The rows of one batch; *more says whether another batch follows. */
static int read_batch(DqConn *c, DqRowFn row, void *arg, int *stopped, int *more)
{
  uint64_t ncol = get_u64(c);
  char **names;
  DqValue *values;
  int rc = 0;
  if (ncol > (c->in_len - c->in_pos) / 8) return fail(c, 0, "%s: bad column count", c->address);
  names = calloc(ncol + 1, sizeof *names);
  values = calloc(ncol + 1, sizeof *values);
  if (names == NULL || values == NULL) { rc = fail(c, 0, "out of memory"); goto done; }
  for (uint64_t i = 0; i < ncol; i++) names[i] = (char *)get_text(c, NULL);
  for (;;) {
    uint64_t mark;
    const uint8_t *types;
    if (c->in_pos + 8 > c->in_len) { rc = fail(c, 0, "%s: rows without an end mark", c->address); break; }
    mark = get_u64(c);
    if (mark == ROWS_DONE || mark == ROWS_PART) { *more = mark == ROWS_PART; break; }
    c->in_pos -= 8;
    /* a row: a 4-bit type code per column (the first in the low half of a
     * byte), zeros to a whole word, then the values */
    types = get_bytes(c, (ncol + 1) / 2);
    if (types == NULL) { rc = check_decoded(c); break; }
    for (uint64_t i = 0; i < ncol && rc == 0; i++)
      rc = get_value(c, (types[i / 2] >> (4 * (i % 2))) & 0x0f, &values[i]);
    if (rc != 0) break;
    if (!*stopped && row(arg, (int)ncol, names, values) != 0) *stopped = 1;
  }
done:
  free(names);
  free(values);
  return rc;
}

/* Send the request built, read its batches of rows. */
static int query_request(DqConn *c, int type, DqRowFn row, void *arg)
{
  int stopped = 0, more = 0;
  if (request(c, type, RES_ROWS) != 0) return -1;
  for (;;) {
    if (read_batch(c, row, arg, &stopped, &more) != 0) return -1;
    if (!more) return 0;
    if (read_message(c) != 0) return -1;  /* the node sends the next batch unasked */
    if (c->in_type == RES_FAILURE) return response_failure(c);
    if (c->in_type != RES_ROWS) return fail(c, 0, "%s: batch of type %d", c->address, c->in_type);
  }
}

int dq_query(DqConn *c, const char *sql, const DqValue *params, int n_params,
             DqRowFn row, void *arg)
{
  begin(c);
  put_u64(c, c->db);
  put_text(c, sql, strlen(sql));
  if (put_params(c, params, n_params) != 0) return -1;
  return query_request(c, REQ_QUERY_SQL, row, arg);
}

int dq_query_stmt(DqConn *c, uint32_t stmt_id, const DqValue *params, int n_params,
                  DqRowFn row, void *arg)
{
  if (put_stmt(c, stmt_id, params, n_params) != 0) return -1;
  return query_request(c, REQ_QUERY, row, arg);
}

int dq_dump(DqConn *c, const char *name, DqFileFn file, void *arg)
{
  uint64_t n;
  begin(c);
  put_text(c, name, strlen(name));
  if (request(c, REQ_DUMP, RES_FILES) != 0) return -1;
  n = get_u64(c);
  for (uint64_t i = 0; i < n && !c->in_bad; i++) {
    const char *fname = get_text(c, NULL);
    uint64_t size = get_u64(c);
    const uint8_t *data = get_bytes(c, (size_t)size);
    if (c->in_bad) break;
    if (file(arg, fname, data, (size_t)size) != 0) return fail(c, 0, "%s: could not write", fname);
  }
  return check_decoded(c);
}
