package whatsapp

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"

	_ "github.com/mattn/go-sqlite3" // the "sqlite3" driver for whatsmeow's sqlstore
	"github.com/rs/zerolog"
	"go.mau.fi/whatsmeow/store"
	"go.mau.fi/whatsmeow/store/sqlstore"
)

// DeviceStore is the SQLite file that holds the linked device: its keys,
// Signal sessions, contacts, the LID map and the decrypted-event buffer.
// Whoever has this file can read and send as the market number, so it is
// created private (0600). It is separate from the market database so that
// either can be restored without the other.
type DeviceStore struct {
	path      string
	container *sqlstore.Container
	device    *store.Device
}

// deviceDSN turns a file path into go-sqlite3's DSN. Foreign keys are
// required by whatsmeow (it refuses to start without them); WAL and a busy
// timeout let its background writes and our reads share the file.
func deviceDSN(path string) string {
	return "file:" + path + "?_foreign_keys=on&_journal_mode=WAL&_busy_timeout=5000"
}

// OpenDeviceStore opens (creating when missing) the device file at path and
// loads its device: the paired one, or a fresh unpaired one when the file
// is new or was logged out. One device per process and per file.
func OpenDeviceStore(ctx context.Context, path string, log zerolog.Logger) (*DeviceStore, error) {
	if path == "" {
		return nil, errors.New("whatsapp: device store path is empty")
	}
	// '?' and '#' would end the file name inside the DSN.
	if strings.ContainsAny(path, "?#") {
		return nil, fmt.Errorf("whatsapp: device store path %q must not contain '?' or '#'", path)
	}
	if err := createPrivate(path); err != nil {
		return nil, fmt.Errorf("whatsapp: device store: %w", err)
	}
	container, err := sqlstore.New(ctx, "sqlite3", deviceDSN(path), newWALogger(log, "store"))
	if err != nil {
		return nil, fmt.Errorf("whatsapp: open device store %s: %w", path, err)
	}
	return loadDevice(ctx, container, path, log)
}

// OpenDeviceStoreOn opens the device store kept in a PostgreSQL database
// (whatsmeow's own tables, beside the market's in the market's schema):
// db is a pool whose connections work in that schema; where names it in
// logs and errors. Closing the store closes db.
func OpenDeviceStoreOn(ctx context.Context, db *sql.DB, where string, log zerolog.Logger) (*DeviceStore, error) {
	container := sqlstore.NewWithDB(db, "postgres", newWALogger(log, "store"))
	if err := container.Upgrade(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("whatsapp: open device store %s: %w", where, err)
	}
	return loadDevice(ctx, container, where, log)
}

// loadDevice loads the store's device: the paired one, or a fresh unpaired
// one when the store is new or was logged out.
func loadDevice(ctx context.Context, container *sqlstore.Container, path string, log zerolog.Logger) (*DeviceStore, error) {
	devices, err := container.GetAllDevices(ctx)
	if err != nil {
		container.Close()
		return nil, fmt.Errorf("whatsapp: read device store %s: %w", path, err)
	}
	var device *store.Device
	switch len(devices) {
	case 0:
		device = container.NewDevice()
	default:
		if len(devices) > 1 {
			log.Warn().Str("device_store", path).Int("devices", len(devices)).
				Msg("device store holds several devices; using the first")
		}
		device = devices[0]
	}
	return &DeviceStore{path: path, container: container, device: device}, nil
}

// createPrivate creates an empty file readable only by its owner, so that
// SQLite (which gives its -wal and -shm files the database's permissions)
// never writes the keys into a world-readable file. An existing file is
// left as it is.
func createPrivate(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, fs.ErrExist) {
		return nil
	}
	if err != nil {
		return err
	}
	return f.Close()
}

// Path is the device file's path (on PostgreSQL: where it is kept).
func (d *DeviceStore) Path() string { return d.path }

// Paired reports whether the file holds a linked device; an unpaired store
// needs a QR scan or a pairing code on the next connect.
func (d *DeviceStore) Paired() bool { return d.device.ID != nil }

// JID is the linked device's own address ("62812…:7@s.whatsapp.net"), or ""
// before pairing.
func (d *DeviceStore) JID() string {
	if d.device.ID == nil {
		return ""
	}
	return d.device.ID.String()
}

// Close closes the file. Disconnect the client first.
func (d *DeviceStore) Close() error { return d.container.Close() }
