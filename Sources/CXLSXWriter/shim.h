#ifndef DIXIAN_CXLSXWRITER_SHIM_H
#define DIXIAN_CXLSXWRITER_SHIM_H
// libxlsxwriter as installed by Debian's libxlsxwriter-dev (pkg-config xlsxwriter).
#include <xlsxwriter.h>
#endif
