# Included by the top-level Makefile: `make fonts` rebuilds the embedded
# subset fonts of package fonts (see fonts/README.md).
.PHONY: fonts
fonts:
	bash fonts/build.sh
