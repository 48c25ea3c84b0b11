package archive

import "testing"

// TestFolderName: characters Windows and other systems refuse in a name
// become "_", and trailing dots and spaces go.
func TestFolderName(t *testing.T) {
	for _, c := range []struct{ code, name, want string }{
		{"224002", "中共山海关区委网络安全和信息化委员会办公室", "224002-中共山海关区委网络安全和信息化委员会办公室"},
		{" 305001 ", "市局/办公室: \"综合\"科*?", "305001-市局_办公室_ _综合_科__"},
		{"1", "名称. ", "1-名称"},
		{"1", "a\tb<c>|d\\e", "1-a_b_c__d_e"},
	} {
		if got := folderName(c.code, c.name); got != c.want {
			t.Errorf("folderName(%q, %q) = %q, want %q", c.code, c.name, got, c.want)
		}
	}
}
