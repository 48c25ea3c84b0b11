module github.com/jixiao-dev/jixiao

go 1.26.8

require (
	github.com/BurntSushi/toml v1.6.0
	github.com/rivo/uniseg v0.4.7
	golang.org/x/image v0.47.0
	golang.org/x/text v0.44.0
)

require (
	github.com/klauspost/compress v1.20.4
	github.com/xuri/excelize/v2 v2.11.1
)

require (
	github.com/richardlehane/mscfb v1.0.9 // indirect
	github.com/richardlehane/msoleps v1.0.6 // indirect
	github.com/tiendc/go-deepcopy v1.7.2 // indirect
	github.com/xuri/efp v0.0.3-0.20260924042702-217b81952dec // indirect
	github.com/xuri/nfp v0.0.2-0.20250530014748-2ddeb826f9a9 // indirect
	golang.org/x/crypto v0.58.0 // indirect
	golang.org/x/net v0.62.0 // indirect
)
