module github.com/jixiao-dev/jixiao

go 1.26.8

require (
	github.com/BurntSushi/toml v1.6.0
	github.com/rivo/uniseg v0.4.7
	golang.org/x/image v0.47.0
	golang.org/x/text v0.44.0
)

require github.com/klauspost/compress v1.20.4
