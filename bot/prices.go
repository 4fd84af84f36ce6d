package bot

import (
	"fmt"
	"math"
	"strings"

	"pasarbot/bot/command"
	"pasarbot/catalog"
)

// sellerPriceCommand applies a leader's HARGA/HABIS/ADA for products their
// group sells; every change is recorded with who and when.
func (e *Engine) sellerPriceCommand(t *turn, in Inbound, g catalog.SellerGroup, pc command.LeaderCommand) error {
	var done, problems []string
	for _, it := range pc.Items {
		p, problem := e.priceTarget(it.Words, g)
		if problem != "" {
			problems = append(problems, problem)
			continue
		}
		if !CanSetPrice(g, in.SenderPhone, p) {
			problems = append(problems, e.t("price_not_allowed", p.Name, e.leaderNames(g)))
			continue
		}
		switch pc.Kind {
		case command.PriceSet:
			price, err := pricePerSellingUnit(it.Price, it.Unit, p)
			if err != "" {
				problems = append(problems, e.t("price_bad_unit", p.Name, p.Unit))
				continue
			}
			if lim := e.set.Limits.Resolved(); it.Price <= 0 || lim.CheckPrice(price) != catalog.WithinLimits {
				problems = append(problems, e.t("price_out_of_range", p.Name, p.Unit, catalog.Rupiah(lim.MaxPrice)))
				continue
			}
			if err := t.tx.SetPrice(p.SKU, price, in.SenderPhone, t.now); err != nil {
				return err
			}
			done = append(done, fmt.Sprintf("%s %s/%s", p.Name, catalog.Rupiah(price), p.Unit))
		case command.PriceSoldOut, command.PriceBackIn:
			avail := pc.Kind == command.PriceBackIn
			if err := t.tx.SetAvailable(p.SKU, avail, in.SenderPhone, t.now); err != nil {
				return err
			}
			if avail {
				done = append(done, p.Name+" "+e.t("now_available"))
			} else {
				done = append(done, p.Name+" "+e.t("now_sold_out"))
			}
		}
	}
	if len(done) > 0 {
		e.InvalidateCatalog()
		t.log.Info().Str("group", g.ID).Strs("changes", done).Msg("catalog updated by leader")
	}
	var b strings.Builder
	if len(done) > 0 {
		b.WriteString("✅ " + strings.Join(done, "; ") + "\n")
	}
	for _, p := range problems {
		b.WriteString(p + "\n")
	}
	t.reply(in, b.String())
	return nil
}

// priceTarget finds the product a leader names, preferring the group's own.
func (e *Engine) priceTarget(words string, g catalog.SellerGroup) (catalog.Product, string) {
	cands := e.index.Match(words)
	if len(cands) == 0 {
		return catalog.Product{}, e.t("price_unknown_product", words)
	}
	var own []catalog.Candidate
	for _, c := range cands {
		if c.Product.Group == g.ID {
			own = append(own, c)
		}
	}
	if len(own) == 0 {
		return catalog.Product{}, e.t("price_not_allowed", cands[0].Product.Name, e.groupName(cands[0].Product.Group))
	}
	if len(own) > 1 && !own[0].Exact && own[1].Score >= own[0].Score-0.05 {
		var names []string
		for _, c := range own {
			names = append(names, c.Product.Name)
		}
		return catalog.Product{}, e.t("price_which", words, strings.Join(names, ", "))
	}
	return *own[0].Product, ""
}

// pricePerSellingUnit converts "70000/ons" to the product's unit; a unit
// of another dimension is refused.
func pricePerSellingUnit(price int64, unit string, p catalog.Product) (int64, string) {
	if unit == "" || unit == p.Unit {
		return price, ""
	}
	from, ok := catalog.LookupUnit(unit)
	if !ok {
		return 0, "unit"
	}
	to := p.SellingUnit()
	if from.Dimension != to.Dimension || from.Base == 0 {
		return 0, "unit"
	}
	v, ok := catalog.MulDiv(price, to.Base, from.Base)
	if !ok {
		return math.MaxInt64, "" // absurd: refused by the price range
	}
	return v, ""
}
