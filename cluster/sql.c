/* paperext-sql: run SQL on a dqlite cluster, with parameters bound.
 *
 *   paperext-sql [-s HOST:PORT,...] [-d DATABASE] [-t S] [-w S] [--this] COMMAND...
 *
 *   -s LIST   nodes to ask for the leader (default 127.0.0.1:9001; or $PAPEREXT_SERVERS)
 *   -d NAME   the database (default papers)
 *   -t S      how long to look for a leader, e.g. during an election (default 10)
 *   -w S      how long to wait for any one response (default 600)
 *   --this    talk to the first node of -s, leader or not (for dump, leader)
 *
 * Commands, several allowed; they run in order on one connection to the
 * leader, so `exec BEGIN ... exec COMMIT` is one transaction, and the same
 * SQL given again (an import statement per piece of a file) is compiled on
 * the leader once and run from then on as a prepared statement:
 *   exec SQL [PARAM]...    run SQL: one or more statements, the parameters
 *                          binding to the first (?1, ?2, ... or ?)
 *   query SQL [PARAM]...   run one statement and print its rows: columns
 *                          separated by '|', NULL as nothing (sqlite3's list mode)
 *   leader                 print the leader's id and address
 *   cluster                print id|address|role of every node
 *   transfer ID            make node ID the leader
 *   remove ID              take node ID out of the cluster (a machine gone for good)
 *   dump FILE              write the database as the node holds it: FILE and
 *                          FILE-wal (SQLite's formats; `sqlite3 FILE` reads them)
 * A PARAM is one of
 *   -p TEXT   text           -f FILE   the file's contents, as text
 *   -i N      integer        -n        NULL
 * Text is sent as the parameter's value, so a file of any size and content
 * (quotes, semicolons, Chinese) arrives unchanged: the way to import into
 * a cluster, whose nodes cannot readfile() the client's files.
 *
 *   paperext-sql -s 10.0.0.1:9001,10.0.0.2:9001 exec "$(cat sql/schema.sql)"
 *   paperext-sql -s ... exec "INSERT INTO paper_import(title, venue_raw) VALUES (?, ?)" -p 'Deep Sets' -p nips2017
 *   paperext-sql -s ... query "SELECT venue, count(*) FROM papers GROUP BY 1"
 *
 * When the leader is unknown or moves before a request ran ("not leader"),
 * the command is sent again to the new leader, within -t.  A request the
 * leader took but did not answer (it died, or lost leadership) is not sent
 * again, since it may have committed: paperext-sql says so and fails.
 * Exit status: 0, 1 (an SQL or request error), 2 (usage), 3 (no leader or
 * no connection). */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wire.h"

typedef struct Command {
  const char *verb, *arg;
  DqValue params[255];
  int n_params;
  char *files[255];   /* the texts read for -f, freed after the command */
  int n_files;
} Command;

/* SQL run more than once on a connection is prepared on the leader the
 * second time and run by its statement id from then on: a statement whose
 * triggers are large (import_text's) costs more to compile than to run. */
#define MAX_STMTS 64
typedef struct Stmt {
  const char *sql;  /* an argument of argv: stable */
  uint32_t id;
  int prepared;
} Stmt;

typedef struct Session {
  const char *servers, *database;
  int leader_ms, wait_ms, this_node;
  DqConn c;
  int connected, opened;
  int ran;          /* commands run on this connection: a transaction may be open */
  Stmt stmts[MAX_STMTS];
  int n_stmts;
} Session;

static void usage(const char *why)
{
  fprintf(stderr, "paperext-sql: %s\n"
          "usage: paperext-sql [-s HOST:PORT,...] [-d DATABASE] [-t S] [-w S] [--this] COMMAND...\n"
          "  exec SQL [PARAM]... | query SQL [PARAM]... | leader | cluster | transfer ID | remove ID | dump FILE\n"
          "  PARAM: -p TEXT | -f FILE | -i INTEGER | -n\n", why);
  exit(2);
}

static char *read_file(const char *path, size_t *n)
{
  FILE *f = fopen(path, "rb");
  char *b = NULL;
  size_t cap = 0, len = 0, r;
  if (f == NULL) { perror(path); exit(2); }
  do {
    if (len + 65536 + 1 > cap) {
      cap = cap ? cap * 2 : 65536 * 2;
      if ((b = realloc(b, cap)) == NULL) { fprintf(stderr, "%s: out of memory\n", path); exit(1); }
    }
    r = fread(b + len, 1, cap - len - 1, f);
    len += r;
  } while (r > 0);
  if (ferror(f)) { perror(path); exit(2); }
  fclose(f);
  b[len] = '\0';
  *n = len;
  return b;
}

static int is_verb(const char *s)
{
  return !strcmp(s, "exec") || !strcmp(s, "query") || !strcmp(s, "leader") ||
         !strcmp(s, "cluster") || !strcmp(s, "transfer") || !strcmp(s, "remove") ||
         !strcmp(s, "dump");
}

/* argv[*i] is a verb: its argument and parameters into cmd. */
static void parse_command(int argc, char **argv, int *i, Command *cmd)
{
  memset(cmd, 0, sizeof *cmd);
  cmd->verb = argv[(*i)++];
  if (!strcmp(cmd->verb, "leader") || !strcmp(cmd->verb, "cluster")) return;
  if (*i >= argc) usage("a command without its argument");
  cmd->arg = argv[(*i)++];
  if (strcmp(cmd->verb, "exec") != 0 && strcmp(cmd->verb, "query") != 0) return;
  while (*i < argc && !is_verb(argv[*i])) {
    const char *k = argv[(*i)++];
    DqValue *v = &cmd->params[cmd->n_params];
    if (cmd->n_params == 255) usage("more than 255 parameters");
    if (!strcmp(k, "-n")) v->type = DQ_NULL;
    else if (*i >= argc) usage("a parameter option without its value");
    else if (!strcmp(k, "-p")) { v->type = DQ_TEXT; v->p = argv[*i]; v->n = strlen(v->p); (*i)++; }
    else if (!strcmp(k, "-f")) {
      v->type = DQ_TEXT;
      v->p = cmd->files[cmd->n_files++] = read_file(argv[*i], &v->n);
      (*i)++;
    }
    else if (!strcmp(k, "-i")) {
      char *end;
      v->type = DQ_INTEGER;
      v->i = strtoll(argv[*i], &end, 10);
      if (*end || end == argv[*i]) usage("-i wants an integer");
      (*i)++;
    } else usage("expected a parameter (-p, -f, -i, -n) or a command");
    if (v->type == DQ_TEXT && memchr(v->p, '\0', v->n))
      usage("a text parameter holds a zero byte (dqlite's texts end at one)");
    cmd->n_params++;
  }
}

static int connect_session(Session *s)
{
  if (s->connected) return 0;
  if (s->this_node) {
    char first[256];
    size_t n = strcspn(s->servers, ",");
    snprintf(first, sizeof first, "%.*s", (int)(n < sizeof first ? n : sizeof first - 1), s->servers);
    if (dq_connect(&s->c, first, s->leader_ms) != 0) return -1;
  } else if (dq_connect_leader(&s->c, s->servers, dq_now_ms() + s->leader_ms) != 0) return -1;
  dq_set_timeout(&s->c, s->wait_ms);
  s->connected = 1;
  return 0;
}

static void disconnect(Session *s)
{
  if (s->connected) dq_close(&s->c);
  s->connected = s->opened = s->ran = s->n_stmts = 0;
}

static void print_value(const DqValue *v)
{
  switch (v->type) {
  case DQ_INTEGER: case DQ_BOOLEAN: printf("%lld", (long long)v->i); break;
  case DQ_FLOAT: printf("%.17g", v->f); break;
  case DQ_TEXT: case DQ_ISO8601: case DQ_BLOB: fwrite(v->p, 1, v->n, stdout); break;
  default: break;  /* NULL */
  }
}

static int print_row(void *arg, int n, char **names, const DqValue *values)
{
  (void)arg; (void)names;
  for (int i = 0; i < n; i++) {
    if (i) putchar('|');
    print_value(&values[i]);
  }
  putchar('\n');
  return 0;
}

static int write_file(void *arg, const char *name, const uint8_t *data, size_t n)
{
  const char *base = arg;
  const char *suffix = strlen(name) > 4 && !strcmp(name + strlen(name) - 4, "-wal") ? "-wal" : "";
  char path[4096];
  FILE *f;
  snprintf(path, sizeof path, "%s%s", base, suffix);
  if ((f = fopen(path, "wb")) == NULL) { perror(path); return -1; }
  if (n && fwrite(data, 1, n, f) != n) { perror(path); fclose(f); return -1; }
  return fclose(f);
}

/* Whether sql is one statement: no ';' but at its end (a ';' inside a
 * string literal makes it look like more: it is then compiled each time). */
static int one_statement(const char *sql)
{
  const char *semi = strchr(sql, ';');
  if (semi == NULL) return 1;
  return semi[strspn(semi, "; \t\r\n")] == '\0';
}

/* The statement id of sql on this connection, when it has one (prepared
 * on its second run); 0 when it runs as text. */
static int statement(Session *s, const char *sql, uint32_t *id)
{
  Stmt *st = NULL;
  for (int i = 0; i < s->n_stmts && !st; i++)
    if (!strcmp(s->stmts[i].sql, sql)) st = &s->stmts[i];
  if (st == NULL) {
    if (s->n_stmts < MAX_STMTS) s->stmts[s->n_stmts++] = (Stmt){ .sql = sql };
    return 0;
  }
  if (!st->prepared && one_statement(sql)) {
    if (dq_prepare(&s->c, sql, &st->id) != 0) return -1;
    st->prepared = 1;
  }
  *id = st->id;
  return st->prepared;
}

/* Run one command; 0, or -1 with s->c.err set. */
static int run_once(Session *s, const Command *cmd)
{
  DqConn *c = &s->c;
  if (!strcmp(cmd->verb, "leader")) {
    uint64_t id;
    char address[256];
    if (dq_leader(c, &id, address, sizeof address) != 0) return -1;
    printf("%llu %s\n", (unsigned long long)id, address);
    return 0;
  }
  if (!strcmp(cmd->verb, "cluster")) {
    static const char *roles[] = { "voter", "standby", "spare" };
    DqNode nodes[64];
    int n;
    if (dq_cluster(c, nodes, 64, &n) != 0) return -1;
    for (int i = 0; i < n && i < 64; i++)
      printf("%llu|%s|%s\n", (unsigned long long)nodes[i].id, nodes[i].address,
             nodes[i].role >= 0 && nodes[i].role <= 2 ? roles[nodes[i].role] : "?");
    return 0;
  }
  if (!strcmp(cmd->verb, "transfer") || !strcmp(cmd->verb, "remove")) {
    char *end;
    uint64_t id = strtoull(cmd->arg, &end, 10);
    if (*end || id == 0) { snprintf(c->err, sizeof c->err, "%s wants a node id", cmd->verb); c->code = 0; return -1; }
    return cmd->verb[0] == 't' ? dq_transfer(c, id) : dq_remove(c, id);
  }
  if (!s->opened) {
    if (dq_open(c, s->database) != 0) return -1;
    s->opened = 1;
  }
  if (!strcmp(cmd->verb, "dump")) return dq_dump(c, s->database, write_file, (void *)cmd->arg);
  uint32_t id;
  int prepared = statement(s, cmd->arg, &id);
  if (prepared < 0) return -1;
  if (!strcmp(cmd->verb, "query"))
    return prepared ? dq_query_stmt(c, id, cmd->params, cmd->n_params, print_row, NULL)
                    : dq_query(c, cmd->arg, cmd->params, cmd->n_params, print_row, NULL);
  return prepared ? dq_exec_stmt(c, id, cmd->params, cmd->n_params, NULL, NULL)
                  : dq_exec(c, cmd->arg, cmd->params, cmd->n_params, NULL, NULL);
}

/* Run a command, again on the new leader if this node was not (or no
 * longer) the leader before the request ran, unless earlier commands ran on
 * this connection (a transaction of theirs may be open). */
static int run(Session *s, const Command *cmd)
{
  int64_t deadline = dq_now_ms() + s->leader_ms;
  for (;;) {
    if (connect_session(s) != 0) {
      fprintf(stderr, "paperext-sql: %s\n", s->c.err);
      return 3;
    }
    if (run_once(s, cmd) == 0) { s->ran++; return 0; }
    if (s->c.code != DQ_NOT_LEADER || s->this_node || s->ran || dq_now_ms() >= deadline) break;
    disconnect(s);
  }
  fprintf(stderr, "paperext-sql: %s: %s", cmd->verb, s->c.err);
  if (s->c.code) fprintf(stderr, " (code %d)", s->c.code);
  if (s->c.code == DQ_LEADERSHIP_LOST)
    fprintf(stderr, "; the leader lost its leadership, the statement may or may not have committed"
            " (a statement longer than the election timeout stalls the leader: see paperext-node --latency-ms)");
  else if (s->c.code == 0 && !strcmp(cmd->verb, "exec"))
    fprintf(stderr, "; the statement may or may not have committed");
  fputc('\n', stderr);
  return s->c.code ? 1 : 3;
}

int main(int argc, char **argv)
{
  Session s = { .servers = getenv("PAPEREXT_SERVERS"), .database = "papers",
                .leader_ms = 10000, .wait_ms = 600000 };
  Command cmd;
  int i = 1, rc = 0;
  if (s.servers == NULL || !*s.servers) s.servers = "127.0.0.1:9001";
  while (i < argc && !is_verb(argv[i])) {
    const char *k = argv[i++];
    if (!strcmp(k, "--this")) { s.this_node = 1; continue; }
    if (i >= argc) usage("an option without its value");
    if (!strcmp(k, "-s")) s.servers = argv[i++];
    else if (!strcmp(k, "-d")) s.database = argv[i++];
    else if (!strcmp(k, "-t")) s.leader_ms = (int)(atof(argv[i++]) * 1000);
    else if (!strcmp(k, "-w")) s.wait_ms = (int)(atof(argv[i++]) * 1000);
    else usage("unknown option");
  }
  if (i >= argc) usage("no command");
  while (i < argc && rc == 0) {
    parse_command(argc, argv, &i, &cmd);
    rc = run(&s, &cmd);
    fflush(stdout);
    for (int f = 0; f < cmd.n_files; f++) free(cmd.files[f]);
  }
  disconnect(&s);
  return rc;
}
