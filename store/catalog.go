package store

import (
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"pasarbot/catalog"
)

// Catalog storage: seller groups with their members, products in import
// order, and the price_changes log (who changed what, when) that feeds the
// daily price report.

// catalogTimeLayout matches the fixed-width times of the other tables, so
// text comparison on price_changes.at is chronological.
const catalogTimeLayout = "2006-01-02T15:04:05.000000000Z07:00"

func catalogTime(t time.Time) string { return t.UTC().Format(catalogTimeLayout) }

// PriceChange is one recorded price or availability of a product.
type PriceChange struct {
	SKU       string
	Name      string // product name now ("" when the product was removed since)
	Price     int64
	Available bool
	Actor     string // leader's phone, "import" or "admin"
	At        time.Time
	// The product's previous recorded state; HasPrev is false for the first
	// record of a SKU.
	HasPrev       bool
	PrevPrice     int64
	PrevAvailable bool
}

// SyncGroups makes the stored seller groups match the configuration:
// groups are inserted or updated (name, category, stall), keeping a chat
// already bound with DAFTAR GRUP; members and leaders are set exactly as
// configured. A group no longer configured is deleted once no product
// refers to it; until then it stays, with no members, so nobody can act
// for it.
func (t *Tx) SyncGroups(groups []catalog.SellerGroup) error {
	keep := map[string]bool{}
	for _, g := range groups {
		if err := g.Validate(); err != nil {
			return fmt.Errorf("store: sync groups: %w", err)
		}
		if keep[g.ID] {
			return fmt.Errorf("store: sync groups: seller group %q configured twice", g.ID)
		}
		keep[g.ID] = true
		if _, err := t.exec(`INSERT INTO seller_groups(id, name, category, stall) VALUES (?, ?, ?, ?)
			ON CONFLICT(id) DO UPDATE SET name = excluded.name, category = excluded.category, stall = excluded.stall`,
			g.ID, g.Name, g.Category, g.Stall); err != nil {
			return fmt.Errorf("store: sync group %s: %w", g.ID, err)
		}
		if err := t.syncMembers(g); err != nil {
			return err
		}
	}
	stored, err := t.groupIDs()
	if err != nil {
		return err
	}
	for _, id := range stored {
		if keep[id] {
			continue
		}
		if _, err := t.exec(`DELETE FROM group_members WHERE group_id = ?`, id); err != nil {
			return fmt.Errorf("store: unconfigure group %s: %w", id, err)
		}
		if _, err := t.exec(`DELETE FROM seller_groups WHERE id = ? AND NOT EXISTS (SELECT 1 FROM products WHERE group_id = ?)`, id, id); err != nil {
			return fmt.Errorf("store: remove group %s: %w", id, err)
		}
	}
	return nil
}

// syncMembers stores g's leaders and members, one row per phone (a leader
// who is also listed as a member is one leading member), and removes the
// rest.
func (t *Tx) syncMembers(g catalog.SellerGroup) error {
	type row struct {
		name   string
		leader bool
	}
	rows := map[string]*row{}
	var order []string
	add := func(phone string) *row {
		if r, ok := rows[phone]; ok {
			return r
		}
		r := &row{}
		rows[phone] = r
		order = append(order, phone)
		return r
	}
	for _, l := range g.Leaders {
		add(l).leader = true
	}
	for _, m := range g.Members {
		add(m.Phone).name = m.Name
	}
	for _, phone := range order {
		if phone == "" {
			return fmt.Errorf("store: seller group %s: empty phone number", g.ID)
		}
		r := rows[phone]
		if _, err := t.exec(`INSERT INTO group_members(group_id, phone, name, is_leader) VALUES (?, ?, ?, ?)
			ON CONFLICT(group_id, phone) DO UPDATE SET name = excluded.name, is_leader = excluded.is_leader`,
			g.ID, phone, r.name, r.leader); err != nil {
			return fmt.Errorf("store: seller group %s member: %w", g.ID, err)
		}
	}
	// Delete the members no longer configured. The list is short; one
	// statement per stored phone keeps the SQL parameterized and simple.
	stored, err := t.memberPhones(g.ID)
	if err != nil {
		return err
	}
	for _, phone := range stored {
		if _, ok := rows[phone]; ok {
			continue
		}
		if _, err := t.exec(`DELETE FROM group_members WHERE group_id = ? AND phone = ?`, g.ID, phone); err != nil {
			return fmt.Errorf("store: seller group %s: remove member: %w", g.ID, err)
		}
	}
	return nil
}

func (t *Tx) groupIDs() ([]string, error) {
	return t.catalogStrings(`SELECT id FROM seller_groups ORDER BY rowid`)
}

func (t *Tx) memberPhones(groupID string) ([]string, error) {
	return t.catalogStrings(`SELECT phone FROM group_members WHERE group_id = ? ORDER BY rowid`, groupID)
}

// catalogStrings runs a query of one text column.
func (t *Tx) catalogStrings(query string, args ...any) ([]string, error) {
	rows, err := t.query(query, args...)
	if err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, fmt.Errorf("store: %w", err)
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// Groups returns the seller groups in the order they were first
// configured, with their bound chat, leaders and members.
func (t *Tx) Groups() ([]catalog.SellerGroup, error) {
	return t.loadGroups(`SELECT id, name, category, stall, COALESCE(chat_id, '') FROM seller_groups ORDER BY rowid`)
}

// GroupByChat returns the seller group bound to a WhatsApp group chat.
func (t *Tx) GroupByChat(chatID string) (catalog.SellerGroup, bool, error) {
	if chatID == "" {
		return catalog.SellerGroup{}, false, nil
	}
	gs, err := t.loadGroups(`SELECT id, name, category, stall, COALESCE(chat_id, '') FROM seller_groups WHERE chat_id = ?`, chatID)
	if err != nil || len(gs) == 0 {
		return catalog.SellerGroup{}, false, err
	}
	return gs[0], true, nil
}

func (t *Tx) loadGroups(query string, args ...any) ([]catalog.SellerGroup, error) {
	rows, err := t.query(query, args...)
	if err != nil {
		return nil, fmt.Errorf("store: groups: %w", err)
	}
	var gs []catalog.SellerGroup
	for rows.Next() {
		var g catalog.SellerGroup
		if err := rows.Scan(&g.ID, &g.Name, &g.Category, &g.Stall, &g.ChatID); err != nil {
			rows.Close()
			return nil, fmt.Errorf("store: groups: %w", err)
		}
		gs = append(gs, g)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: groups: %w", err)
	}
	for i := range gs {
		if err := t.loadMembers(&gs[i]); err != nil {
			return nil, err
		}
	}
	return gs, nil
}

// loadMembers fills Leaders and Members. A leader is listed among Members
// too when configured with a name (so MemberName finds them).
func (t *Tx) loadMembers(g *catalog.SellerGroup) error {
	rows, err := t.query(`SELECT phone, name, is_leader FROM group_members WHERE group_id = ? ORDER BY rowid`, g.ID)
	if err != nil {
		return fmt.Errorf("store: group %s members: %w", g.ID, err)
	}
	defer rows.Close()
	for rows.Next() {
		var m catalog.Member
		var leader bool
		if err := rows.Scan(&m.Phone, &m.Name, &leader); err != nil {
			return fmt.Errorf("store: group %s members: %w", g.ID, err)
		}
		if leader {
			g.Leaders = append(g.Leaders, m.Phone)
		}
		if !leader || m.Name != "" {
			g.Members = append(g.Members, m)
		}
	}
	return rows.Err()
}

// BindGroupChat binds a seller group to the WhatsApp group chat where a
// leader typed DAFTAR GRUP; an empty chatID unbinds it. A chat serves one
// seller group: binding a chat already bound elsewhere is refused.
func (t *Tx) BindGroupChat(groupID, chatID string) error {
	if chatID != "" {
		var other string
		err := t.queryRow(`SELECT id FROM seller_groups WHERE chat_id = ?`, chatID).Scan(&other)
		switch {
		case err == nil && other != groupID:
			return fmt.Errorf("store: chat is already bound to seller group %s: %w", other, catalog.ErrConflict)
		case err != nil && !errors.Is(err, sql.ErrNoRows):
			return fmt.Errorf("store: bind group %s: %w", groupID, err)
		}
	}
	var chat any // NULL unbinds; UNIQUE allows many NULLs
	if chatID != "" {
		chat = chatID
	}
	res, err := t.exec(`UPDATE seller_groups SET chat_id = ? WHERE id = ?`, chat, groupID)
	if err != nil {
		return fmt.Errorf("store: bind group %s: %w", groupID, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("store: seller group %q: %w", groupID, catalog.ErrUnknownGroup)
	}
	return nil
}

// ReplaceProducts makes the stored catalog exactly products, in their
// order, inside the caller's transaction: products not listed are removed,
// the others inserted or updated. Every new product and every changed
// price or availability is recorded in price_changes with actor and at.
// The products are validated first; nothing is written if one is invalid.
func (t *Tx) ReplaceProducts(products []catalog.Product, actor string, at time.Time) error {
	seen := map[string]bool{}
	for _, p := range products {
		if err := p.Validate(); err != nil {
			return fmt.Errorf("store: product %s: %w: %w", p.SKU, catalog.ErrInvalid, err)
		}
		if seen[p.SKU] {
			return fmt.Errorf("store: product %s listed twice: %w", p.SKU, catalog.ErrInvalid)
		}
		seen[p.SKU] = true
	}
	type state struct {
		price     int64
		available bool
	}
	old := map[string]state{}
	rows, err := t.query(`SELECT sku, price, available FROM products`)
	if err != nil {
		return fmt.Errorf("store: replace products: %w", err)
	}
	for rows.Next() {
		var sku string
		var s state
		if err := rows.Scan(&sku, &s.price, &s.available); err != nil {
			rows.Close()
			return fmt.Errorf("store: replace products: %w", err)
		}
		old[sku] = s
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("store: replace products: %w", err)
	}
	for sku := range old {
		if seen[sku] {
			continue
		}
		if _, err := t.exec(`DELETE FROM products WHERE sku = ?`, sku); err != nil {
			return fmt.Errorf("store: remove product %s: %w", sku, err)
		}
	}
	when := catalogTime(at)
	for i, p := range products {
		kind := p.Kind
		if kind == "" {
			kind = catalog.Goods
		}
		if _, err := t.exec(`INSERT INTO products(sku, name, aliases, category, unit, price, group_id, kind,
				min_qty, step_qty, floor_price, available, position, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT(sku) DO UPDATE SET name = excluded.name, aliases = excluded.aliases,
				category = excluded.category, unit = excluded.unit, price = excluded.price,
				group_id = excluded.group_id, kind = excluded.kind, min_qty = excluded.min_qty,
				step_qty = excluded.step_qty, floor_price = excluded.floor_price,
				available = excluded.available, position = excluded.position,
				updated_at = excluded.updated_at`,
			p.SKU, p.Name, strings.Join(p.Aliases, "|"), p.Category, p.Unit, p.Price, p.Group, string(kind),
			int64(p.MinQty), int64(p.StepQty), p.FloorPrice, p.Available, i, when); err != nil {
			if isForeignKeyViolation(err) {
				return fmt.Errorf("store: product %s: seller group %q: %w", p.SKU, p.Group, catalog.ErrUnknownGroup)
			}
			return fmt.Errorf("store: product %s: %w", p.SKU, err)
		}
		if o, ok := old[p.SKU]; ok && o.price == p.Price && o.available == p.Available {
			continue
		}
		if err := t.recordPrice(p.SKU, p.Price, p.Available, actor, when); err != nil {
			return err
		}
	}
	return nil
}

func (t *Tx) recordPrice(sku string, price int64, available bool, actor, at string) error {
	if _, err := t.exec(`INSERT INTO price_changes(sku, price, available, actor, at) VALUES (?, ?, ?, ?, ?)`,
		sku, price, available, actor, at); err != nil {
		return fmt.Errorf("store: record price of %s: %w", sku, err)
	}
	return nil
}

// Products returns the catalog in import order.
func (t *Tx) Products() ([]catalog.Product, error) {
	rows, err := t.query(`SELECT sku, name, aliases, category, unit, price, group_id, kind,
		min_qty, step_qty, floor_price, available FROM products ORDER BY position, sku`)
	if err != nil {
		return nil, fmt.Errorf("store: products: %w", err)
	}
	defer rows.Close()
	var ps []catalog.Product
	for rows.Next() {
		var p catalog.Product
		var aliases, kind string
		var minQty, stepQty int64
		if err := rows.Scan(&p.SKU, &p.Name, &aliases, &p.Category, &p.Unit, &p.Price, &p.Group, &kind,
			&minQty, &stepQty, &p.FloorPrice, &p.Available); err != nil {
			return nil, fmt.Errorf("store: products: %w", err)
		}
		if aliases != "" {
			p.Aliases = strings.Split(aliases, "|")
		}
		p.Kind = catalog.Kind(kind)
		p.MinQty, p.StepQty = catalog.Qty(minQty), catalog.Qty(stepQty)
		ps = append(ps, p)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: products: %w", err)
	}
	return ps, nil
}

// SetPrice sets a product's price per selling unit (a leader's "HARGA cabe
// rawit 60000"). A floor price above the new price comes down to it: the
// leader has just said what the product may sell for. An unchanged price
// records nothing.
func (t *Tx) SetPrice(sku string, price int64, actor string, at time.Time) error {
	if price < 0 {
		return fmt.Errorf("store: price of %s: negative price %d: %w", sku, price, catalog.ErrInvalid)
	}
	cur, available, err := t.productState(sku)
	if err != nil || cur == price {
		return err
	}
	when := catalogTime(at)
	if _, err := t.exec(`UPDATE products SET price = ?, floor_price = CASE WHEN floor_price < ? THEN floor_price ELSE ? END,
		updated_at = ? WHERE sku = ?`, price, price, price, when, sku); err != nil {
		return fmt.Errorf("store: price of %s: %w", sku, err)
	}
	return t.recordPrice(sku, price, available, actor, when)
}

// SetAvailable marks a product tersedia or habis ("HABIS tongkol"). An
// unchanged state records nothing.
func (t *Tx) SetAvailable(sku string, available bool, actor string, at time.Time) error {
	price, cur, err := t.productState(sku)
	if err != nil || cur == available {
		return err
	}
	when := catalogTime(at)
	if _, err := t.exec(`UPDATE products SET available = ?, updated_at = ? WHERE sku = ?`, available, when, sku); err != nil {
		return fmt.Errorf("store: availability of %s: %w", sku, err)
	}
	return t.recordPrice(sku, price, available, actor, when)
}

func (t *Tx) productState(sku string) (price int64, available bool, err error) {
	err = t.queryRow(`SELECT price, available FROM products WHERE sku = ?`, sku).Scan(&price, &available)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return 0, false, fmt.Errorf("store: product %q: %w", sku, catalog.ErrUnknownProduct)
	case err != nil:
		return 0, false, fmt.Errorf("store: product %s: %w", sku, err)
	}
	return price, available, nil
}

// PriceChanges returns the changes recorded in [from, to), oldest first,
// each with the state it replaced.
func (t *Tx) PriceChanges(from, to time.Time) ([]PriceChange, error) {
	// The previous state comes from the whole history of the SKU, not only
	// the window, so the first change of the day still knows yesterday's price.
	rows, err := t.query(`SELECT c.sku, COALESCE(p.name, ''), c.price, c.available, c.actor, c.at,
			c.prev_price IS NOT NULL, COALESCE(c.prev_price, 0), COALESCE(c.prev_available, 0)
		FROM (SELECT id, sku, price, available, actor, at,
				LAG(price) OVER w AS prev_price, LAG(available) OVER w AS prev_available
			FROM price_changes WHERE at < ?
			WINDOW w AS (PARTITION BY sku ORDER BY at, id)) c
		LEFT JOIN products p ON p.sku = c.sku
		WHERE c.at >= ?
		ORDER BY c.at, c.id`, catalogTime(to), catalogTime(from))
	if err != nil {
		return nil, fmt.Errorf("store: price changes: %w", err)
	}
	defer rows.Close()
	var out []PriceChange
	for rows.Next() {
		var c PriceChange
		var at string
		if err := rows.Scan(&c.SKU, &c.Name, &c.Price, &c.Available, &c.Actor, &at, &c.HasPrev, &c.PrevPrice, &c.PrevAvailable); err != nil {
			return nil, fmt.Errorf("store: price changes: %w", err)
		}
		if c.At, err = time.Parse(time.RFC3339Nano, at); err != nil {
			return nil, fmt.Errorf("store: price changes: bad time %q: %w", at, err)
		}
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: price changes: %w", err)
	}
	return out, nil
}
