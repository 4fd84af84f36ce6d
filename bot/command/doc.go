// Package command reads the commands the market's parties type: admins in
// their chat with the market number ("BUKA", "JAM SENIN 06:00-11:00",
// "BALAS 0812… teks"), seller group leaders in their group ("OK A7K2",
// "HARGA cabe rawit 60000/kg") and couriers ("AMBIL A7K2"). There is one
// reader per party (ParseAdmin, ParseLeader, ParseCourier), and every
// command is one record (records.go) holding its name, aliases, who may use
// it and its usage line in Indonesian and English; the readers find
// commands through those records, and the help lists are printed from them.
//
// Reading is forgiving (any case, extra spaces, 06.00 or 6 for 06:00,
// several date forms); an admin command with a recognisable keyword but
// wrong arguments comes back as Invalid with an explanation, so the admin
// learns the form. Whether the sender may use a command is the engine's
// decision, not this package's: Party documents it.
package command
