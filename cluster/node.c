/* paperext-node: one dqlite node whose every SQLite connection has paperext.
 *
 *   paperext-node --id N --address HOST:PORT --dir DIR [--join HOST:PORT,...]
 *                 [--bind HOST:PORT] [--extension ./paperext.so] [--latency-ms MS]
 *                 [--join-timeout S]
 *
 *   --id N          this node's id, a positive integer, the same at every start.
 *                   Node 1 on an empty DIR bootstraps a new cluster of one.
 *   --address A     where the other nodes and clients reach this node.
 *   --dir DIR       the node's Raft log and snapshots (created if missing).
 *   --join LIST     addresses of nodes already in the cluster (this node's
 *                   own may be in the list): the node asks the leader to add
 *                   it (ADD) and to make it a voter (ASSIGN).  A node that is
 *                   already a voter does nothing, so the same command line
 *                   serves the first start and every restart.
 *   --bind A        the address to listen on, when not --address (0.0.0.0:9001).
 *   --extension P   the paperext build to load (default ./paperext.so).
 *   --latency-ms MS the expected one-way network latency; dqlite derives the
 *                   Raft timeouts from it: heartbeat 1.5 x MS, election 15 x MS
 *                   (without it, dqlite's own: 0.5 s and 3 s).  dqlite 1.11
 *                   runs each statement on the node's event loop, so a leader
 *                   busy with one statement for longer than the election
 *                   timeout (a large import) sends no heartbeats and loses its
 *                   leadership, and the statement fails: give every node the
 *                   same MS with 15 x MS above your longest statement.
 *   --join-timeout S how long to keep asking to join (default 30 s, or 20
 *                   heartbeats when longer: the leader promotes a node once
 *                   it has caught up, checked a heartbeat at a time).
 *
 * Example, three machines (the cluster test does the same on one):
 *   a$ paperext-node --id 1 --address 10.0.0.1:9001 --dir /var/lib/papers
 *   b$ paperext-node --id 2 --address 10.0.0.2:9001 --dir /var/lib/papers --join 10.0.0.1:9001
 *   c$ paperext-node --id 3 --address 10.0.0.3:9001 --dir /var/lib/papers --join 10.0.0.1:9001
 * then any client of dqlite's protocol (paperext-sql, go-dqlite's `dqlite`
 * shell) runs SQL on the leader: see cluster/README.md.
 *
 * paperext reaches every connection dqlite opens (the leader's, which run
 * the SQL, and the followers', which apply replicated pages) through
 * sqlite3_auto_extension(), registered before dqlite_node_start().  The
 * extension is loaded with dlopen() from the same paperext.so users load
 * elsewhere, so one build file is what every node and every local sqlite3
 * runs, and upgrading it needs no new node binary; the node logs the
 * version it loaded, which must be the same on every node.
 *
 * Every connection also gets PRAGMA temp_store=MEMORY: dqlite 1.11's VFS
 * crashes the node (SIGSEGV in the commit of the temp database) as soon as
 * a TEMP table outgrows the page cache and SQLite spills it to a file
 * (seen with a 2 MB text in a TEMP table; 200 KB pass).  In memory, SQLite
 * never opens that file.
 *
 * SIGPIPE is ignored: dqlite writes to peers' sockets, and a write to a
 * leader that just died would otherwise kill this node during the election.
 * SIGTERM or SIGINT stops the node cleanly (dqlite_node_stop: in-flight
 * requests finish, connections close).  The node logs to stderr what it
 * does, and every change of leader it sees. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <dqlite.h>
#include <errno.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "wire.h"

typedef struct Options {
  unsigned long long id;
  const char *address, *bind, *dir, *join, *extension;
  unsigned latency_ms;   /* 0: dqlite's defaults */
  int join_timeout_s;
} Options;

static unsigned long long log_id;

static void say(const char *fmt, ...)
{
  char when[32];
  struct timespec ts;
  struct tm tm;
  va_list ap;
  clock_gettime(CLOCK_REALTIME, &ts);
  localtime_r(&ts.tv_sec, &tm);
  strftime(when, sizeof when, "%H:%M:%S", &tm);
  fprintf(stderr, "%s.%03ld paperext-node %llu: ", when, ts.tv_nsec / 1000000, log_id);
  va_start(ap, fmt);
  vfprintf(stderr, fmt, ap);
  va_end(ap);
  fputc('\n', stderr);
}

static void usage(const char *why)
{
  fprintf(stderr, "paperext-node: %s\n"
          "usage: paperext-node --id N --address HOST:PORT --dir DIR [--join HOST:PORT,...]\n"
          "                     [--bind HOST:PORT] [--extension ./paperext.so] [--latency-ms MS]\n"
          "                     [--join-timeout S]\n", why);
  exit(2);
}

static Options parse(int argc, char **argv)
{
  Options o = { .extension = "./paperext.so" };
  for (int i = 1; i < argc; i++) {
    const char *k = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
    char *end;
    if (v == NULL) usage("an option without its value");
    i++;
    if (!strcmp(k, "--id")) {
      o.id = strtoull(v, &end, 10);
      if (*end || o.id == 0) usage("--id wants a positive integer");
    } else if (!strcmp(k, "--address")) o.address = v;
    else if (!strcmp(k, "--bind")) o.bind = v;
    else if (!strcmp(k, "--dir")) o.dir = v;
    else if (!strcmp(k, "--join")) o.join = v;
    else if (!strcmp(k, "--extension")) o.extension = v;
    else if (!strcmp(k, "--latency-ms")) {
      o.latency_ms = (unsigned)strtoul(v, &end, 10);
      if (*end || o.latency_ms == 0) usage("--latency-ms wants a positive integer");
    } else if (!strcmp(k, "--join-timeout")) {
      o.join_timeout_s = atoi(v);
      if (o.join_timeout_s <= 0) usage("--join-timeout wants a positive number of seconds");
    } else usage("unknown option");
  }
  if (!o.id || !o.address || !o.dir) usage("--id, --address and --dir are required");
  if (!o.join_timeout_s) {
    unsigned heartbeats = o.latency_ms * 15 / 10 * 20 / 1000;
    o.join_timeout_s = heartbeats > 30 ? (int)heartbeats : 30;
  }
  if (!o.bind) o.bind = o.address;
  return o;
}

/* An auto extension of every connection: temporary data in memory (see the
 * header comment). */
static int temp_in_memory(sqlite3 *db, char **err, const void *api)
{
  (void)api;
  return sqlite3_exec(db, "PRAGMA temp_store = MEMORY", NULL, NULL, err);
}

/* dlopen paperext and register it for every connection opened from now on;
 * check it on one and log its version. */
static int load_extension(const char *path)
{
  void *so = dlopen(path, RTLD_NOW | RTLD_LOCAL);
  void *init;
  sqlite3 *db = NULL;
  sqlite3_stmt *st = NULL;
  int ok = 0;
  if (so == NULL) { say("cannot load %s: %s", path, dlerror()); return -1; }
  init = dlsym(so, "sqlite3_paperext_init");
  if (init == NULL) { say("%s has no sqlite3_paperext_init", path); return -1; }
  sqlite3_auto_extension((void (*)(void))init);
  sqlite3_auto_extension((void (*)(void))temp_in_memory);
  if (sqlite3_open(":memory:", &db) == SQLITE_OK &&
      sqlite3_prepare_v2(db, "SELECT paperext_version(), (SELECT count(*) FROM paperext_functions), "
                         "(SELECT temp_store FROM pragma_temp_store)", -1, &st, NULL) == SQLITE_OK &&
      sqlite3_step(st) == SQLITE_ROW) {
    say("paperext %s from %s (%d functions and tables), SQLite %s", sqlite3_column_text(st, 0),
        path, sqlite3_column_int(st, 1), sqlite3_libversion());
    ok = sqlite3_column_int(st, 2) == 2;  /* temp_store: 2 = MEMORY */
    if (!ok) say("PRAGMA temp_store = MEMORY did not take on a new connection");
  } else say("paperext from %s does not work: %s", path, db ? sqlite3_errmsg(db) : "no memory");
  sqlite3_finalize(st);
  sqlite3_close(db);
  return ok ? 0 : -1;
}

/* Whether DIR holds a Raft state (dqlite writes metadata1 and metadata2). */
static int has_state(const char *dir)
{
  char path[4096];
  for (int i = 1; i <= 2; i++) {
    snprintf(path, sizeof path, "%s/metadata%d", dir, i);
    if (access(path, F_OK) == 0) return 1;
  }
  return 0;
}

/* One step of joining, on a connection to the leader: ADD when this node
 * is not in the configuration, ASSIGN voter when it is not a voter (the
 * leader promotes it once it has caught up).  0: a step was taken (*done
 * when there is nothing left to do); -1: failed, worth retrying; -2: not. */
static int join_step(DqConn *c, const Options *o, int *done)
{
  DqNode nodes[64];
  int n = 0, role = -1;
  if (dq_cluster(c, nodes, 64, &n) != 0) return -1;
  for (int i = 0; i < n && i < 64; i++) {
    if (nodes[i].id != o->id) continue;
    if (strcmp(nodes[i].address, o->address) != 0) {
      say("cannot join: node %llu is in the cluster with address %s, not %s", o->id,
          nodes[i].address, o->address);
      return -2;
    }
    role = nodes[i].role;
  }
  if (role == DQ_VOTER) {
    say("a voter in a cluster of %d nodes, leader at %s", n, c->address);
    *done = 1;
    return 0;
  }
  if (role < 0) {
    if (dq_add(c, o->id, o->address) != 0) return -1;
    say("added to the cluster by the leader at %s", c->address);
    return 0;
  }
  say("asking the leader at %s to make this node a voter (after it catches up)", c->address);
  return dq_assign(c, o->id, DQ_VOTER);
}

/* Join through the addresses of --join, retrying (an election, another
 * node's change in progress) until the deadline. */
static int join(const Options *o)
{
  int64_t deadline = dq_now_ms() + (int64_t)o->join_timeout_s * 1000;
  for (;;) {
    DqConn c;
    int done = 0, rc;
    if (dq_connect_leader(&c, o->join, deadline) != 0) {
      say("cannot join: %s", c.err);
      return -1;
    }
    dq_set_timeout(&c, o->join_timeout_s * 1000);
    rc = join_step(&c, o, &done);
    dq_close(&c);
    if (rc == 0 && done) return 0;
    if (rc == -2) return -1;
    if (rc == 0) continue;
    if (dq_now_ms() >= deadline) { say("cannot join: %s", c.err); return -1; }
    say("join: %s; trying again", c.err);
    nanosleep(&(struct timespec){ 0, 200 * 1000000L }, NULL);
  }
}

/* Log the leader when it changes, as this node sees it. */
static void watch_leader(const Options *o, char *known, size_t size)
{
  DqConn c;
  uint64_t id = 0;
  char address[256] = "";
  if (dq_connect(&c, o->address, 1000) != 0) return;
  if (dq_leader(&c, &id, address, sizeof address) == 0 && strcmp(address, known) != 0) {
    if (id == 0) say("no leader known (an election, or this node just started)");
    else if (id == o->id) say("leader: this node");
    else say("leader: node %llu at %s", (unsigned long long)id, address);
    snprintf(known, size, "%s", address);
  }
  dq_close(&c);
}

int main(int argc, char **argv)
{
  Options o = parse(argc, argv);
  dqlite_node *node;
  sigset_t stop;
  siginfo_t info;
  char leader[256] = "-";
  int rc, joining, stopped_by = 0;

  log_id = o.id;
  signal(SIGPIPE, SIG_IGN);
  /* SIGTERM and SIGINT are taken by sigtimedwait() below: blocked before
   * dqlite starts its thread, so that thread inherits the mask. */
  sigemptyset(&stop);
  sigaddset(&stop, SIGTERM);
  sigaddset(&stop, SIGINT);
  sigprocmask(SIG_BLOCK, &stop, NULL);

  if (load_extension(o.extension) != 0) return 1;
  if (mkdir(o.dir, 0700) != 0 && errno != EEXIST) {
    say("cannot create %s: %s", o.dir, strerror(errno));
    return 1;
  }
  joining = o.join != NULL;
  if (!has_state(o.dir)) {
    if (o.id == 1 && joining) { say("node 1 on an empty --dir bootstraps a new cluster: a joining node needs another --id"); return 2; }
    if (o.id != 1 && !joining) { say("node %llu has no state in %s: give --join (only node 1 bootstraps)", o.id, o.dir); return 2; }
    say(o.id == 1 ? "bootstrapping a new cluster in %s" : "new node, state in %s", o.dir);
  } else say("restarting from the state in %s", o.dir);

  if ((rc = dqlite_node_create(o.id, o.address, o.dir, &node)) != 0) {
    say("dqlite_node_create failed (%d)", rc);
    return 1;
  }
  if (dqlite_node_set_bind_address(node, o.bind) != 0 ||
      (o.latency_ms && dqlite_node_set_network_latency_ms(node, o.latency_ms) != 0) ||
      dqlite_node_start(node) != 0) {
    say("cannot start: %s", dqlite_node_errmsg(node));
    dqlite_node_destroy(node);
    return 1;
  }
  if (o.latency_ms)
    say("listening on %s as %s; heartbeat %u ms, election timeout %u ms", o.bind, o.address,
        o.latency_ms * 15 / 10, o.latency_ms * 15);
  else say("listening on %s as %s; heartbeat 500 ms, election timeout 3000 ms", o.bind, o.address);

  if (joining && join(&o) != 0) {
    dqlite_node_stop(node);
    dqlite_node_destroy(node);
    return 1;
  }
  while (!stopped_by) {
    struct timespec tick = { 0, 250 * 1000000L };
    int sig = sigtimedwait(&stop, &info, &tick);
    if (sig > 0) stopped_by = sig;
    else watch_leader(&o, leader, sizeof leader);
  }
  say("%s: stopping", strsignal(stopped_by));
  rc = dqlite_node_stop(node);
  dqlite_node_destroy(node);
  say(rc == 0 ? "stopped" : "stopped, with an error");
  return rc == 0 ? 0 : 1;
}
