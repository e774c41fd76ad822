#include "ImportDialog.h"
