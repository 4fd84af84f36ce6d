package bot

import "pasarbot/orders"

// PaymentTx is the storage of payments and refunds (store.Tx implements it).
type PaymentTx interface {
	SavePayment(p *orders.Payment) error
	Payment(code string) (*orders.Payment, error) // nil, nil for COD orders
	PaymentsOfDay(day string) ([]*orders.Payment, error)
	AddRefund(r *orders.Refund) error
	CloseRefund(r *orders.Refund) error
	Refunds(code string) ([]orders.Refund, error)
	RefundsOfDay(day string) ([]orders.Refund, error)
}
