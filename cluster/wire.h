/* wire.h: the client side of dqlite's wire protocol (version 1), as much of
 * it as paperext-node (joining a cluster) and paperext-sql (running SQL)
 * need.  The protocol is documented in dqlite's docs (github.com/canonical/
 * dqlite-docs, reference/wire-protocol.md; dqlite's doc/protocol.md): after a
 * connection is made the client sends one 8-byte word, the protocol version;
 * then each request gets one response (a query's rows may come in several).
 * Every message is a header word (body length in words, type, schema) and a
 * body of 8-byte words, integers little endian, texts zero-terminated and
 * padded with zeros to a whole word.
 *
 * A DqConn talks to one node.  dq_connect_leader() asks the nodes of a list
 * who leads and returns a connection to the leader: what SQL, ADD and ASSIGN
 * need (a follower answers them "not leader").  Every call returns 0 on
 * success; on failure the connection's err (and code, when the node sent a
 * failure response) say why. */
#ifndef PAPEREXT_CLUSTER_WIRE_H
#define PAPEREXT_CLUSTER_WIRE_H

#include <stddef.h>
#include <stdint.h>

/* Failure codes a node sends (SQLite extended codes dqlite adds). */
#define DQ_NOT_LEADER       (10 | (40 << 8))  /* SQLITE_IOERR_NOT_LEADER: ask the leader */
#define DQ_LEADERSHIP_LOST  (10 | (41 << 8))  /* SQLITE_IOERR_LEADERSHIP_LOST: outcome unknown */
#define DQ_BUSY             5                 /* SQLITE_BUSY: e.g. a configuration change in progress */

/* Node roles (ASSIGN, CLUSTER). */
enum { DQ_VOTER = 0, DQ_STANDBY = 1, DQ_SPARE = 2 };

/* A value, as a parameter or in a row.  Text and blob point into memory the
 * caller owns (parameters) or into the response buffer (rows: valid until
 * the next request on the connection). */
enum { DQ_INTEGER = 1, DQ_FLOAT = 2, DQ_TEXT = 3, DQ_BLOB = 4, DQ_NULL = 5,
       DQ_ISO8601 = 10, DQ_BOOLEAN = 11 };
typedef struct DqValue {
  int type;
  int64_t i;          /* DQ_INTEGER, DQ_BOOLEAN */
  double f;           /* DQ_FLOAT */
  const char *p;      /* DQ_TEXT, DQ_ISO8601 (zero-terminated), DQ_BLOB */
  size_t n;           /* length of p, without the terminating zero */
} DqValue;

typedef struct DqConn {
  int fd;
  char address[256];  /* host:port it is connected to */
  uint32_t db;        /* the database dq_open() opened */
  uint8_t *in;        /* the last response body */
  size_t in_len, in_cap, in_pos;
  int in_type;        /* its type */
  int in_bad;         /* a read past its end was attempted */
  uint8_t *out;       /* the request being built */
  size_t out_len, out_cap;
  int code;           /* failure code the node sent, else 0 */
  char err[512];      /* what went wrong */
} DqConn;

typedef struct DqNode {
  uint64_t id;
  char address[256];
  int role;
} DqNode;

/* Milliseconds of CLOCK_MONOTONIC: deadlines are computed on it. */
int64_t dq_now_ms(void);

/* Connect (TCP, host:port, IPv4 or IPv6 in [brackets]) and send the
 * protocol version.  timeout_ms bounds the connect and every later read and
 * write on the connection (dq_set_timeout changes it; 0: no bound).
 * Returns 0, or -1 with c->err set. */
int dq_connect(DqConn *c, const char *address, int timeout_ms);
void dq_set_timeout(DqConn *c, int timeout_ms);
void dq_close(DqConn *c);

/* The leader as this node knows it: id 0 and "" while there is none (an
 * election, or a node that is not a voter). */
int dq_leader(DqConn *c, uint64_t *id, char *address, size_t address_size);

/* Try the comma-separated addresses in turn until one names a leader that
 * confirms it leads; poll until deadline_ms (dq_now_ms() clock).  Returns 0
 * with c connected to the leader, or -1 with c->err saying what was seen. */
int dq_connect_leader(DqConn *c, const char *addresses, int64_t deadline_ms);

/* The cluster's configuration: up to max nodes into nodes, the count into
 * *n (which may exceed max). */
int dq_cluster(DqConn *c, DqNode *nodes, int max, int *n);
int dq_add(DqConn *c, uint64_t id, const char *address);
int dq_assign(DqConn *c, uint64_t id, int role);
int dq_remove(DqConn *c, uint64_t id);
int dq_transfer(DqConn *c, uint64_t id);

/* Open the named database for this connection (one per connection). */
int dq_open(DqConn *c, const char *name);

/* Run sql (several statements allowed; the parameters bind to the first). */
int dq_exec(DqConn *c, const char *sql, const DqValue *params, int n_params,
            uint64_t *last_insert_id, uint64_t *rows_affected);

/* A prepared statement: one statement (the rest of sql is ignored, so give
 * one), compiled once on the leader and run again and again with
 * dq_exec_stmt/dq_query_stmt; freed when the connection closes. */
int dq_prepare(DqConn *c, const char *sql, uint32_t *stmt_id);
int dq_exec_stmt(DqConn *c, uint32_t stmt_id, const DqValue *params, int n_params,
                 uint64_t *last_insert_id, uint64_t *rows_affected);

/* Run one statement that yields rows: row() is called with the column
 * names and values of each row (return nonzero to stop reading; the rest is
 * still drained so the connection stays usable). */
typedef int (*DqRowFn)(void *arg, int n_columns, char **names, const DqValue *values);
int dq_query(DqConn *c, const char *sql, const DqValue *params, int n_params,
             DqRowFn row, void *arg);
int dq_query_stmt(DqConn *c, uint32_t stmt_id, const DqValue *params, int n_params,
                  DqRowFn row, void *arg);

/* The database's files as this node holds them (the main file and its
 * write-ahead log, in SQLite's formats): file() is called for each. */
typedef int (*DqFileFn)(void *arg, const char *name, const uint8_t *data, size_t n);
int dq_dump(DqConn *c, const char *name, DqFileFn file, void *arg);

#endif
