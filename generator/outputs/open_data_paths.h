// Moved to site/open_data_paths.h: the paths are part of the site's URL structure.
#pragma once

#include "site/open_data_paths.h"
