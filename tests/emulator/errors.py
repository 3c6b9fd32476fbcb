# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Service errors of the emulator (no imports of the backend, so every emulator module can use them)."""


class CustomerProfilesError(Exception):
    """A service error: code is the AWS error code, status the HTTP status."""

    def __init__(self, code, message, status=400):
        super().__init__(message)
        self.code = code
        self.message = message
        self.status = status


class BadRequestException(CustomerProfilesError):
    def __init__(self, message):
        super().__init__("BadRequestException", message, 400)


class ResourceNotFoundException(CustomerProfilesError):
    def __init__(self, message):
        super().__init__("ResourceNotFoundException", message, 404)
