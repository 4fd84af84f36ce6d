package bot

// buyerActions maps the transition table's action names to code. It is
// filled in init because several actions run the table again (a skipped
// rating reads the message afresh), which a package-level literal cannot
// refer to.
var buyerActions map[Action]func(*Engine, *buyerTurn) error

func init() {
	buyerActions = map[Action]func(*Engine, *buyerTurn) error{
		"add_items":         (*Engine).actAddItems,
		"add_qty":           (*Engine).actAddQty,
		"reorder":           (*Engine).actReorder,
		"restore_shelf":     (*Engine).actRestoreShelf,
		"show_cart":         (*Engine).actShowCart,
		"remove_item":       (*Engine).actRemove,
		"change_item":       (*Engine).actChange,
		"fallback":          (*Engine).actFallback,
		"finish":            (*Engine).actFinish,
		"yes_nothing_asked": (*Engine).actYesNothingAsked,
		"no_nothing_asked":  (*Engine).actNoNothingAsked,
		"remind_idle":       (*Engine).actRemindIdle,
		"expire_cart":       (*Engine).actExpireCart,
		"answer_choice":     (*Engine).actAnswerChoice,
		"confirm_question":  (*Engine).actConfirmQuestion,
		"skip_question":     (*Engine).actSkipQuestion,
		"choose_antar":      (*Engine).actChooseAntar,
		"choose_ambil":      (*Engine).actChooseAmbil,
		"choose_delivery":   (*Engine).actChooseDelivery,
		"take_address":      (*Engine).actTakeAddress,
		"take_name":         (*Engine).actTakeName,
		"take_pin":          (*Engine).actTakePin,
		"choose_payment":    (*Engine).actChoosePayment,
		"use_last_address":  (*Engine).actUseLastAddress,
		"ask_new_address":   (*Engine).actAskNewAddress,
		"place_order":       (*Engine).actPlaceOrder,
		"reopen_form":       (*Engine).actReopenForm,
		"accept_decision":   (*Engine).actAcceptDecision,
		"refuse_decision":   (*Engine).actRefuseDecision,
		"number_decision":   (*Engine).actNumberDecision,
		"ask_decision":      (*Engine).actAskDecision,
		"rate":              (*Engine).actRate,
		"rate_comment":      (*Engine).actRateComment,
		"ask_rating":        (*Engine).actAskRating,
		"relay_to_admins":   (*Engine).actRelayToAdmins,
		"start_handover":    (*Engine).actStartHandover,
		"end_handover":      (*Engine).actEndHandover,
		"end_handover_idle": (*Engine).actEndHandoverIdle,
		"cancel_cart":       (*Engine).actCancelCart,
		"greet":             (*Engine).actGreet,
		"help":              (*Engine).actHelp,
		"status":            (*Engine).buyerStatus,
		"menu":              (*Engine).actMenu,
		"answer_question":   (*Engine).actAnswerQuestion,
		"order_command":     (*Engine).actOrderCommand,
		"nothing":           func(*Engine, *buyerTurn) error { return nil },
	}
}
