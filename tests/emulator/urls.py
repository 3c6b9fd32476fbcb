# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""URL table in moto's format (url_bases / url_paths), found by moto beside models.py.

url_paths are the model's request paths (routing.py): every path leads to the one handler, which finds the
operation from method + path and answers it with the backend method of the same name.
"""

from .responses import CustomerProfilesResponse
from .routing import url_path_patterns

URL_PATTERN = r"https?://profile\.(.+)\.amazonaws\.com"

url_bases = [URL_PATTERN]

url_paths = {pattern: CustomerProfilesResponse.dispatch for pattern in url_path_patterns()}
