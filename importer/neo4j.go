package importer

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/factgraph/factgraph"
	"github.com/factgraph/factgraph/graph"
)

// Home is a Neo4j installation on this machine's disk as scripts/neo4j lays it out: the
// jars of Neo4j in Lib, and a server directory Dir with conf/, data/, logs/ and run/.
type Home struct {
	Dir      string // NEO4J_LOCAL_DIR of scripts/neo4j (default <repo>/.neo4j)
	Lib      string // the jars: $XDG_CACHE_HOME/factgraph/neo4j-<version>/lib
	Java     string // the java binary (default: $JAVA_HOME/bin/java, else java on PATH)
	Database string // the database to import into (default neo4j)
	Password string // set as the initial password when the server has none yet
}

// DefaultLib is where scripts/neo4j installs the jars of a Neo4j version.
func DefaultLib(version string) string {
	cache := os.Getenv("XDG_CACHE_HOME")
	if cache == "" {
		home, _ := os.UserHomeDir()
		cache = filepath.Join(home, ".cache")
	}
	return filepath.Join(cache, "factgraph", "neo4j-"+version, "lib")
}

func (h *Home) java() string {
	if h.Java != "" {
		return h.Java
	}
	if jh := os.Getenv("JAVA_HOME"); jh != "" {
		return filepath.Join(jh, "bin", "java")
	}
	return "java"
}

func (h *Home) database() string {
	if h.Database == "" {
		return "neo4j"
	}
	return h.Database
}

// check says whether the installation can be reached on disk, and whether its server is
// down (the import writes the store files directly, so the database must be offline).
func (h *Home) check() error {
	jars, _ := filepath.Glob(filepath.Join(h.Lib, "neo4j-*.jar"))
	if len(jars) == 0 {
		return factgraph.Errorf(factgraph.EUNAVAILABLE,
			"no Neo4j jars in %s: install them with scripts/neo4j install (or give --neo4j-lib)", h.Lib)
	}
	if _, err := exec.LookPath(h.java()); err != nil {
		return factgraph.Errorf(factgraph.EUNAVAILABLE, "java not found (%s): install Java 17 or set JAVA_HOME", h.java())
	}
	st, err := os.Stat(h.Dir)
	if err != nil || !st.IsDir() {
		return factgraph.Errorf(factgraph.EUNAVAILABLE,
			"no Neo4j server directory at %s: give --neo4j-home (scripts/neo4j's NEO4J_LOCAL_DIR); it is created by scripts/neo4j start, or create it empty", h.Dir)
	}
	if pid, ok := h.running(); ok {
		return factgraph.Errorf(factgraph.EUNAVAILABLE,
			"the Neo4j server of %s is running (pid %d): the import writes its store files offline; stop it first (NEO4J_LOCAL_DIR=%s scripts/neo4j stop) and start it again after the import",
			h.Dir, pid, h.Dir)
	}
	return nil
}

// running reports the pid of the server scripts/neo4j started for this directory, if alive.
func (h *Home) running() (int, bool) {
	b, err := os.ReadFile(filepath.Join(h.Dir, "run", "neo4j.pid"))
	if err != nil {
		return 0, false
	}
	pid, err := strconv.Atoi(strings.TrimSpace(string(b)))
	if err != nil || pid <= 0 {
		return 0, false
	}
	if err := syscall.Kill(pid, 0); err != nil {
		return 0, false
	}
	cmd, _ := os.ReadFile(fmt.Sprintf("/proc/%d/cmdline", pid))
	return pid, strings.Contains(string(cmd), "EntryPoint")
}

// storeExists reports whether the database has store files (a server started on it once).
func (h *Home) storeExists() bool {
	_, err := os.Stat(filepath.Join(h.Dir, "data", "databases", h.database(), "neostore"))
	return err == nil
}

func (h *Home) hasAuth() bool {
	for _, f := range []string{"auth.ini", "auth"} {
		if _, err := os.Stat(filepath.Join(h.Dir, "data", "dbms", f)); err == nil {
			return true
		}
	}
	return false
}

// writeConf writes a configuration for the tools this package runs on the server's data:
// data in Dir/data, logs and run files in the work directory; with a port, a server on
// 127.0.0.1 only, Bolt on that port, HTTP off and auth off (it lives only while the
// importer applies the schema, on a port nothing else knows).
func (h *Home) writeConf(confDir, work string, port int, heap, pagecache string) error {
	if err := os.MkdirAll(confDir, 0o755); err != nil {
		return err
	}
	var b strings.Builder
	fmt.Fprintf(&b, "server.directories.data=%s\n", filepath.Join(h.Dir, "data"))
	for _, d := range []string{"logs", "run", "plugins", "import"} {
		p := filepath.Join(work, d)
		if err := os.MkdirAll(p, 0o755); err != nil {
			return err
		}
		fmt.Fprintf(&b, "server.directories.%s=%s\n", d, p)
	}
	b.WriteString("dbms.usage_report.enabled=false\n")
	if port > 0 {
		fmt.Fprintf(&b, "server.default_listen_address=127.0.0.1\nserver.bolt.enabled=true\n"+
			"server.bolt.listen_address=127.0.0.1:%d\nserver.bolt.advertised_address=127.0.0.1:%d\n"+
			"server.http.enabled=false\nserver.https.enabled=false\ndbms.security.auth_enabled=false\n"+
			"server.memory.heap.initial_size=%s\nserver.memory.heap.max_size=%s\nserver.memory.pagecache.size=%s\n"+
			"db.tx_log.rotation.retention_policy=1 files\n", port, port, heap, heap, pagecache)
	}
	return os.WriteFile(filepath.Join(confDir, "neo4j.conf"), []byte(b.String()), 0o644)
}

func (h *Home) command(ctx context.Context, confDir string, javaOpts []string, args ...string) *exec.Cmd {
	all := append(append([]string{}, javaOpts...), "-Dfile.encoding=UTF-8", "-cp", filepath.Join(h.Lib, "*"))
	c := exec.CommandContext(ctx, h.java(), append(all, args...)...)
	c.Env = append(os.Environ(), "NEO4J_HOME="+h.Dir, "NEO4J_CONF="+confDir)
	return c
}

// setInitialPassword does what scripts/neo4j does before a server's first start, so that
// the server started after the import asks for the password the user expects.
func (h *Home) setInitialPassword(ctx context.Context, confDir string) error {
	if h.hasAuth() || h.Password == "" {
		return nil
	}
	out, err := h.command(ctx, confDir, nil, "org.neo4j.cli.AdminTool", "dbms", "set-initial-password", h.Password).CombinedOutput()
	if err != nil {
		return fmt.Errorf("set the initial password: %v\n%s", err, tail(string(out), 20))
	}
	return nil
}

// AdminOptions tune neo4j-admin database import.
type AdminOptions struct {
	Threads       int    // --threads (default: the number of cores)
	Heap          string // the importer JVM's heap (default 1g)
	MaxOffHeap    string // --max-off-heap-memory (default 2g)
	Overwrite     bool   // replace an existing (empty) database
	Log           io.Writer
	ReportFile    string
	ExtraJavaOpts []string
}

// AdminResult is what neo4j-admin reported.
type AdminResult struct {
	Nodes, Relationships, Properties int64
	Seconds                          float64 // wall time of the importer JVM
}

var importedRe = regexp.MustCompile(`^\s*(\d+) (nodes|relationships|properties)\s*$`)

// runImport runs neo4j-admin database import full with the given file arguments.
func (h *Home) runImport(ctx context.Context, confDir string, files []string, o AdminOptions) (AdminResult, error) {
	var res AdminResult
	heap := o.Heap
	if heap == "" {
		heap = "1g"
	}
	offheap := o.MaxOffHeap
	if offheap == "" {
		offheap = "2g"
	}
	args := []string{"org.neo4j.cli.AdminTool", "database", "import", "full"}
	args = append(args, files...)
	args = append(args, "--overwrite-destination="+strconv.FormatBool(o.Overwrite), "--max-off-heap-memory="+offheap)
	if o.Threads > 0 {
		args = append(args, "--threads="+strconv.Itoa(o.Threads))
	}
	if o.ReportFile != "" {
		args = append(args, "--report-file="+o.ReportFile)
	}
	args = append(args, h.database())
	cmd := h.command(ctx, confDir, append([]string{"-Xms" + heap, "-Xmx" + heap}, o.ExtraJavaOpts...), args...)
	pr, pw := io.Pipe()
	cmd.Stdout, cmd.Stderr = pw, pw
	var lines []string
	done := make(chan struct{})
	go func() {
		defer close(done)
		sc := bufio.NewScanner(pr)
		sc.Buffer(make([]byte, 64<<10), 1<<20)
		for sc.Scan() {
			l := sc.Text()
			lines = append(lines, l)
			if len(lines) > 400 {
				lines = lines[200:]
			}
			if m := importedRe.FindStringSubmatch(l); m != nil {
				n, _ := strconv.ParseInt(m[1], 10, 64)
				switch m[2] {
				case "nodes":
					res.Nodes = n
				case "relationships":
					res.Relationships = n
				case "properties":
					res.Properties = n
				}
			}
			if o.Log != nil && isStageLine(l) {
				fmt.Fprintf(o.Log, "factgraph: neo4j-admin: %s\n", strings.TrimSpace(l))
			}
		}
		io.Copy(io.Discard, pr)
	}()
	t0 := time.Now()
	err := cmd.Run()
	pw.Close()
	<-done
	res.Seconds = time.Since(t0).Seconds()
	if err != nil {
		if ctx.Err() != nil {
			return res, ctx.Err()
		}
		return res, fmt.Errorf("neo4j-admin database import failed (%v); its last lines:\n%s", err, tail(strings.Join(lines, "\n"), 30))
	}
	return res, nil
}

// isStageLine picks the lines of neo4j-admin's output worth showing as progress.
func isStageLine(l string) bool {
	l = strings.TrimSpace(l)
	for _, p := range []string{"Import starting", "Node import", "Relationship import", "Relationship linking",
		"Post processing", "IMPORT DONE"} {
		if strings.HasPrefix(l, p) || strings.HasPrefix(l, "("+p) {
			return true
		}
	}
	return strings.HasPrefix(l, "(") && strings.Contains(l, ")") && strings.Contains(l, "COMPLETED")
}

func tail(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

// server is a Neo4j server this package started on the home's data.
type server struct {
	cmd  *exec.Cmd
	port int
	logs string
	done chan error
}

// freePort asks the kernel for a free loopback port.
func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// startServer starts a private server on the home's data (auth off, loopback, a free
// port) and waits until its databases are online.
func (h *Home) startServer(ctx context.Context, work, heap, pagecache string, timeout time.Duration) (*server, error) {
	port, err := freePort()
	if err != nil {
		return nil, err
	}
	confDir := filepath.Join(work, "server-conf")
	if err := h.writeConf(confDir, filepath.Join(work, "server"), port, heap, pagecache); err != nil {
		return nil, err
	}
	logs := filepath.Join(work, "server", "logs")
	console, err := os.Create(filepath.Join(logs, "console.log"))
	if err != nil {
		return nil, err
	}
	defer console.Close()
	cmd := h.command(context.WithoutCancel(ctx), confDir,
		[]string{"-Xms" + heap, "-Xmx" + heap, "-XX:+UseG1GC", "-Dlog4j2.disable.jmx=true"},
		"org.neo4j.server.CommunityEntryPoint", "--home-dir="+h.Dir, "--config-dir="+confDir)
	cmd.Stdout, cmd.Stderr = console, console
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("start neo4j: %w", err)
	}
	s := &server{cmd: cmd, port: port, logs: logs, done: make(chan error, 1)}
	go func() { s.done <- cmd.Wait() }()
	deadline := time.Now().Add(timeout)
	for {
		select {
		case err := <-s.done:
			s.done <- err
			return nil, fmt.Errorf("the Neo4j server exited during start (%v); its log:\n%s", err, s.logTail())
		case <-ctx.Done():
			s.stop()
			return nil, ctx.Err()
		case <-time.After(300 * time.Millisecond):
		}
		if b, _ := os.ReadFile(filepath.Join(logs, "neo4j.log")); strings.Contains(string(b), "INFO  Started.") {
			return s, nil
		}
		if time.Now().After(deadline) {
			s.stop()
			return nil, fmt.Errorf("the Neo4j server did not start within %s; its log:\n%s", timeout, s.logTail())
		}
	}
}

func (s *server) uri() string { return "bolt://127.0.0.1:" + strconv.Itoa(s.port) }

func (s *server) logTail() string {
	b, _ := os.ReadFile(filepath.Join(s.logs, "neo4j.log"))
	c, _ := os.ReadFile(filepath.Join(s.logs, "console.log"))
	return tail(string(b)+string(c), 30)
}

// stop stops the server (SIGTERM, then SIGKILL after two minutes) and waits for it.
func (s *server) stop() error {
	if s == nil || s.cmd.Process == nil {
		return nil
	}
	_ = s.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-s.done:
		return nil
	case <-time.After(2 * time.Minute):
		_ = s.cmd.Process.Kill()
		<-s.done
		return errors.New("the Neo4j server did not stop within two minutes: killed")
	}
}

// open connects to the server (auth is off: any credentials pass).
func (s *server) open(ctx context.Context, database string) (*graph.DB, error) {
	return graph.Open(ctx, graph.Config{URI: s.uri(), User: "neo4j", Password: "unused", Database: database,
		ConnectTimeout: 10 * time.Second})
}

// nodeCount counts the nodes of the database (at most one is enough to refuse).
func nodeCount(ctx context.Context, db *graph.DB) (int64, error) {
	res, err := neo4j.ExecuteQuery(ctx, db.Driver(), "MATCH (n) RETURN count(n) AS n", nil, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase(db.Database()))
	if err != nil {
		return 0, err
	}
	n, _, err := neo4j.GetRecordValue[int64](res.Records[0], "n")
	return n, err
}
