package bot

// Payment helpers the order form calls, exported to the external tests.
var (
	ReadPaymentChoice = (*Engine).readPaymentChoice
	PaymentQuestion   = (*Engine).paymentQuestion
)
