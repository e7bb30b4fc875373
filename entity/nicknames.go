package entity

import "strings"

// nicknameText lists English given names and the short forms that news
// writes for the same person (Larry Lessig, Lawrence Lessig; Bill Clinton,
// William Clinton): a formal name, then its short forms.
const nicknameText = `
abraham abe
albert al bert
alexander alex sasha
alexandra alex sasha
alfred alf alfie
andrew andy drew
anthony tony
arnold arnie
barbara barb
benjamin ben benny
bernard bernie
beverly bev
catherine cathy kate katie
charles charlie chuck
christopher chris
daniel dan danny
david dave davy
deborah debbie deb
donald don donnie
douglas doug
edward ed eddie ted teddy ned
elizabeth liz beth betty lizzie eliza
eugene gene
frederick fred freddie
gerald gerry jerry
gregory greg
harold harry hal
henry hank harry
herbert herb
isabel izzy
jacob jake
james jim jimmy jamie
jeffrey jeff
jennifer jen jenny
jonathan jon
joseph joe joey
joshua josh
katherine kate kathy katie
kenneth ken kenny
lawrence larry
leonard len lenny leo
margaret maggie meg peggy
matthew matt
michael mike mickey
nicholas nick nicky
patricia pat patty trish
patrick pat paddy
peter pete
philip phil
raymond ray
rebecca becky
richard rick dick rich ricky
robert rob bob bobby robbie bert
ronald ron ronnie
samuel sam sammy
stephen steve
steven steve
susan sue susie
theodore ted teddy theo
thomas tom tommy
timothy tim
victoria vicky tori
vladimir vova volodya
william bill will billy willie
zachary zach
`

// nicknames maps a folded given name to the formal names it stands for
// (and a formal name to itself).
var nicknames = func() map[string][]string {
	m := map[string][]string{}
	for _, line := range strings.Split(nicknameText, "\n") {
		ws := strings.Fields(line)
		if len(ws) < 2 {
			continue
		}
		for _, w := range ws {
			m[w] = append(m[w], ws[0])
		}
	}
	return m
}()

// sameGivenName reports whether two given names are one person's by the
// nickname table: one is a short form of the other or both are short
// forms of one formal name.
func sameGivenName(a, b string) bool {
	fa, fb := nicknames[strings.ToLower(a)], nicknames[strings.ToLower(b)]
	for _, x := range fa {
		for _, y := range fb {
			if x == y {
				return true
			}
		}
	}
	return false
}
