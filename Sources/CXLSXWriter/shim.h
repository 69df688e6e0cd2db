#ifndef VISITD_CXLSXWRITER_SHIM_H
#define VISITD_CXLSXWRITER_SHIM_H
#include <xlsxwriter.h>
#endif
