// The Content-Type the preview sends for an output file, chosen by its extension the way
// GitHub Pages does, so a browser treats each file as it will once hosted.
#pragma once

#include <string>
#include <string_view>

namespace hyoka {

std::string content_type_for(std::string_view path);

}  // namespace hyoka
