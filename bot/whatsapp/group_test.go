package whatsapp_test

import (
	"reflect"
	"testing"

	"go.mau.fi/whatsmeow/types"

	"pasarbot/bot/whatsapp"
)

func TestToParticipants(t *testing.T) {
	info := &types.GroupInfo{
		JID:       groupJID,
		GroupName: types.GroupName{Name: "Kelompok Sayur Bu Tini"},
		Participants: []types.GroupParticipant{
			// LID-addressed group: JID is the LID, the phone alongside.
			{JID: types.NewJID("99887766554433", types.HiddenUserServer), LID: types.NewJID("99887766554433", types.HiddenUserServer),
				PhoneNumber: types.NewJID("6282200000001", types.DefaultUserServer), IsSuperAdmin: true},
			// Phone number hidden from us.
			{JID: types.NewJID("11122233344455", types.HiddenUserServer), LID: types.NewJID("11122233344455", types.HiddenUserServer)},
			// Phone-addressed group.
			{JID: types.NewJID("6282200000011", types.DefaultUserServer), LID: types.NewJID("55566677788899", types.HiddenUserServer), IsAdmin: true},
			{JID: types.NewJID("6282200000012", types.DefaultUserServer)},
		},
	}
	want := []whatsapp.Participant{
		{Phone: "6282200000001", LID: "99887766554433@lid", IsAdmin: true},
		{LID: "11122233344455@lid"},
		{Phone: "6282200000011", LID: "55566677788899@lid", IsAdmin: true},
		{Phone: "6282200000012"},
	}
	if got := whatsapp.ToParticipants(info); !reflect.DeepEqual(got, want) {
		t.Errorf("ToParticipants =\n%+v\nwant\n%+v", got, want)
	}
}
