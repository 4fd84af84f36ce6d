package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"go.yaml.in/yaml/v3"
)

// DefaultMarketID is the id of a market whose file does not set market.id:
// a single-market file written before markets had ids.
const DefaultMarketID = "pasar"

// DefaultDataDir holds one directory per market (database, device file,
// backups) when a file lists markets and does not set data_dir.
const DefaultDataDir = "data"

// AllMarkets is what --market takes to mean every market (reports).
const AllMarkets = "all"

// Deployment is a configuration file: the markets one `pasarbot run`
// serves. A file without a markets: list is a deployment of one market.
type Deployment struct {
	Markets []*Config
	// DataDir is where markets keep their files by default:
	// DataDir/<id>/pasarbot.db and DataDir/<id>/pasarbot-device.db.
	DataDir string
	// Listed is true when the file has a markets: list.
	Listed bool
}

// Log and Ops are set once for the deployment (every market carries the
// same values): one process, one log, one /healthz and /metrics.
func (d *Deployment) Log() Log { return d.Markets[0].Log }
func (d *Deployment) Ops() Ops { return d.Markets[0].Ops }

// Warnings of every market, each naming its file, line and market.
func (d *Deployment) Warnings() []string {
	var ws []string
	for _, m := range d.Markets {
		ws = append(ws, m.Warnings()...)
	}
	return ws
}

// IDs lists the markets' ids in file order.
func (d *Deployment) IDs() []string {
	ids := make([]string, len(d.Markets))
	for i, m := range d.Markets {
		ids[i] = m.Market.ID
	}
	return ids
}

// Market picks one market by id. An empty id is allowed when the
// deployment has exactly one market.
func (d *Deployment) Market(id string) (*Config, error) {
	if id == "" {
		if len(d.Markets) == 1 {
			return d.Markets[0], nil
		}
		return nil, fmt.Errorf("this configuration serves %d markets (%s): name one with --market ID",
			len(d.Markets), strings.Join(d.IDs(), ", "))
	}
	for _, m := range d.Markets {
		if m.Market.ID == id {
			return m, nil
		}
	}
	return nil, fmt.Errorf("no market %q in this configuration (markets: %s)", id, strings.Join(d.IDs(), ", "))
}

// Select is Market, with AllMarkets meaning every market.
func (d *Deployment) Select(id string) ([]*Config, error) {
	if id == AllMarkets {
		return d.Markets, nil
	}
	m, err := d.Market(id)
	if err != nil {
		return nil, err
	}
	return []*Config{m}, nil
}

// DefaultDeployment is Default as a deployment of one market.
func DefaultDeployment() *Deployment {
	return &Deployment{Markets: []*Config{Default()}}
}

// LoadDeployment reads and validates a configuration file.
func LoadDeployment(path string) (*Deployment, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("config: %w", err)
	}
	return ParseDeployment(path, b)
}

// fileShape is the whole file as written, for the strict decoding pass
// that reports unknown keys and wrong types with their lines, inside
// market entries too.
type fileShape struct {
	Config  `yaml:",inline"`
	DataDir string   `yaml:"data_dir"`
	Markets []Config `yaml:"markets"`
}

// deploymentOnly are the sections set once for the whole process.
var deploymentOnly = []string{"log", "ops"}

// ParseDeployment decodes and validates a configuration file. Without a
// markets: list the file is one market, exactly as before markets had ids.
// With one, every top-level section is a shared default and each entry of
// markets: a market: an entry's keys override the shared ones (mappings
// merge key by key, lists replace), so an entry reads like a single-market
// file.
func ParseDeployment(name string, data []byte) (*Deployment, error) {
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, yamlError(name, err)
	}
	shape := fileShape{Config: *defaults()}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	// An empty file (io.EOF) means all defaults.
	if err := dec.Decode(&shape); err != nil && !errors.Is(err, io.EOF) {
		return nil, yamlError(name, err)
	}
	top := topMapping(&root)
	entries := valueOf(top, "markets")
	if entries == nil {
		c := &shape.Config
		c.sourceName, c.root = name, &root
		if c.Market.ID == "" {
			c.Market.ID = DefaultMarketID
		}
		if err := c.validateID(); err != nil {
			return nil, err
		}
		if shape.DataDir != "" && !hasKey(top, "database.path") {
			c.Database.Path = filepath.Join(shape.DataDir, c.Market.ID, "pasarbot.db")
		}
		if err := c.validate(); err != nil {
			return nil, err
		}
		return &Deployment{Markets: []*Config{c}, DataDir: shape.DataDir}, nil
	}
	d := &Deployment{DataDir: shape.DataDir, Listed: true}
	if d.DataDir == "" {
		d.DataDir = DefaultDataDir
	}
	shared := &Config{sourceName: name, root: &root}
	if len(entries.Content) == 0 {
		return nil, shared.errAt("markets", "list at least one market (or remove markets: for a single market)")
	}
	if hasKey(top, "market.id") {
		return nil, shared.errAt("market.id", "with a markets: list each market sets its own market.id inside its entry")
	}
	base := withoutKeys(top, "markets", "data_dir")
	for i, entry := range entries.Content {
		c, err := parseEntry(name, &root, base, entry, i, d.DataDir)
		if err != nil {
			return nil, err
		}
		d.Markets = append(d.Markets, c)
	}
	return d, d.checkDistinct()
}

// parseEntry builds market i: defaults, then the shared sections, then the
// entry's own keys.
func parseEntry(name string, root, base, entry *yaml.Node, i int, dataDir string) (*Config, error) {
	c := defaults()
	c.sourceName, c.root, c.entry, c.entryKey = name, root, entry, fmt.Sprintf("markets[%d]", i)
	// The strict pass already checked keys and types; these only assign.
	if err := base.Decode(c); err != nil {
		return nil, yamlError(name, err)
	}
	if err := entry.Decode(c); err != nil {
		return nil, yamlError(name, err)
	}
	if !hasKey(entry, "market.id") {
		return nil, c.errAt("market.id", "each market needs its own id (market: {id: …})")
	}
	if err := c.validateID(); err != nil {
		return nil, err
	}
	for _, k := range deploymentOnly {
		if hasKey(entry, k) {
			return nil, c.errAt(k, "is set once for the whole deployment (top level), not per market")
		}
	}
	if !hasKey(entry, "database.path") && !hasKey(base, "database.path") {
		c.Database.Path = filepath.Join(dataDir, c.Market.ID, "pasarbot.db")
	}
	if c.Database.OnPostgres() && !hasKey(entry, "database.schema") {
		// A shared PostgreSQL: each market in the schema named after it
		// ("pasar-besar" → pasar_besar), never a shared one.
		c.Database.Schema = strings.ReplaceAll(c.Market.ID, "-", "_")
	}
	if err := c.validate(); err != nil {
		return nil, err
	}
	return c, nil
}

// checkDistinct refuses two markets with one id, one database or one
// device file: each market's files are its own.
func (d *Deployment) checkDistinct() error {
	type first struct {
		c    *Config
		line int
	}
	ids, dbs, devices, backups := map[string]first{}, map[string]first{}, map[string]first{}, map[string]first{}
	for _, c := range d.Markets {
		if f, ok := ids[c.Market.ID]; ok {
			return c.errAt("market.id", "duplicate market id %q (first at line %d)", c.Market.ID, f.line)
		}
		ids[c.Market.ID] = first{c, c.lineOf("market.id")}
		if c.Database.OnPostgres() {
			key := "postgres schema " + c.Database.Schema
			if f, ok := dbs[key]; ok {
				return c.errAt("database.schema", "%s is also market %s's schema: every market needs its own", c.Database.Schema, f.c.Market.ID)
			}
			dbs[key] = first{c, 0}
		} else {
			db := filepath.Clean(c.Database.Path)
			if f, ok := dbs[db]; ok {
				return c.errAt("database.path", "%s is also market %s's database: every market needs its own file", db, f.c.Market.ID)
			}
			dbs[db] = first{c, 0}
		}
		dev := filepath.Clean(c.DevicePath())
		if f, ok := devices[dev]; ok {
			return c.errAt("whatsapp.device_store", "%s is also market %s's device file: every market links its own WhatsApp number", dev, f.c.Market.ID)
		}
		devices[dev] = first{c, 0}
		// Backup sets are named by time alone, and retention prunes the
		// directory: two markets there would overwrite and prune each other.
		bak := filepath.Clean(BesideDatabase(c.Backup.Dir, c.Database.Path))
		if f, ok := backups[bak]; ok {
			return c.errAt("backup.dir", "%s is also market %s's backup directory: give each market its own (a relative directory lands beside its database)", bak, f.c.Market.ID)
		}
		backups[bak] = first{c, 0}
	}
	return nil
}

// idPattern: lowercase letters, digits and inner hyphens, starting with a
// letter, at most 32 characters. It appears in file paths, metric labels
// and command lines, so nothing needs quoting anywhere.
var idPattern = regexp.MustCompile(`^[a-z][a-z0-9-]{0,30}[a-z0-9]$|^[a-z]$`)

// ValidateID checks a market id.
func ValidateID(id string) error {
	if id == AllMarkets {
		return fmt.Errorf("%q is reserved (--market all means every market)", id)
	}
	if !idPattern.MatchString(id) || strings.Contains(id, "--") {
		return fmt.Errorf("%q is not a market id: use 1–32 lowercase letters, digits and single hyphens, starting with a letter (e.g. kahayan, pasar-besar)", id)
	}
	return nil
}

func (c *Config) validateID() error {
	if err := ValidateID(c.Market.ID); err != nil {
		return c.errAt("market.id", "%v", err)
	}
	return nil
}

// DevicePath is the WhatsApp device file: whatsapp.device_store, where a
// bare file name (the default "pasarbot-device.db") is placed in the
// database's directory, so the two files that make up a market live and
// are backed up together; a path with a directory is used as written.
func (c *Config) DevicePath() string {
	ds := c.WhatsApp.DeviceStore
	if filepath.IsAbs(ds) || filepath.Base(ds) != ds {
		return ds
	}
	return filepath.Join(filepath.Dir(c.Database.Path), ds)
}

// BesideDatabase places a relative directory (backups, report charts) next
// to the database; an absolute one is used as written.
func BesideDatabase(dir, database string) string {
	if filepath.IsAbs(dir) {
		return dir
	}
	return filepath.Join(filepath.Dir(database), dir)
}

// marketName is how errors name this market: its id when valid, else its
// place in the list. Empty in a single-market file.
func (c *Config) marketName() string {
	if c.entry == nil {
		return ""
	}
	if ValidateID(c.Market.ID) == nil {
		return c.Market.ID
	}
	return c.entryKey
}

// lineOf finds path's line: in this market's entry when the entry sets it,
// else in the shared sections, else the nearest enclosing key.
func (c *Config) lineOf(path string) int {
	if c.entry != nil {
		if line, exact := findLine(c.entry, path); exact {
			return line
		}
	}
	line, exact := findLine(c.root, path)
	if exact || c.entry == nil {
		return line
	}
	if l, _ := findLine(c.entry, path); l > 0 {
		return l
	}
	if line > 0 {
		return line
	}
	return c.entry.Line
}

// topMapping is the document's top mapping, nil for an empty file.
func topMapping(root *yaml.Node) *yaml.Node {
	n := root
	if n.Kind == yaml.DocumentNode && len(n.Content) > 0 {
		n = n.Content[0]
	}
	if n.Kind != yaml.MappingNode {
		return nil
	}
	return n
}

// valueOf is the value of key in mapping m, nil when absent.
func valueOf(m *yaml.Node, key string) *yaml.Node {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

// hasKey reports whether the dotted path is written in mapping m.
func hasKey(m *yaml.Node, path string) bool {
	for _, k := range strings.Split(path, ".") {
		if m = valueOf(m, k); m == nil {
			return false
		}
	}
	return true
}

// withoutKeys copies mapping m without the given keys.
func withoutKeys(m *yaml.Node, keys ...string) *yaml.Node {
	out := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	if m == nil {
		return out
	}
	drop := map[string]bool{}
	for _, k := range keys {
		drop[k] = true
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if !drop[m.Content[i].Value] {
			out.Content = append(out.Content, m.Content[i], m.Content[i+1])
		}
	}
	return out
}
