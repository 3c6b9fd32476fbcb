# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The one tag store: every taggable resource (domain, object type, integration, event stream, event trigger,
calculated attribute, segment definition) keeps its tags in its backend's moto TaggingService, keyed by ARN.
TagResource / UntagResource / ListTagsForResource and the Tags members of Create/Get answers all read it."""

from moto.utilities.tagging_service import TaggingService

from .errors import BadRequestException

# TagResource's reference: "You can associate as many as 50 tags with a resource" (any taggable resource).
MAX_TAGS_PER_RESOURCE = 50


def new_tag_store():
    return TaggingService()


class Tagged:
    """A resource with an ARN whose tags are in a tag store (``tag_store``, the backend's TaggingService)."""

    def __init__(self, arn, tag_store, tags=None):
        self.arn = arn
        self.tag_store = tag_store
        tag_store.delete_all_tags_for_resource(arn)  # a new resource has only the tags it is created with
        self.add_tags(tags)

    @property
    def tags(self):
        """{key: value} of the resource's tags (a copy)."""
        return self.tag_store.get_tag_dict_for_resource(self.arn)

    def check_tags(self, tags):
        """BadRequestException when adding tags would leave more than MAX_TAGS_PER_RESOURCE (a given key that
        exists replaces its value and does not count twice)."""
        count = len(set(self.tags) | set(tags or {}))
        if count > MAX_TAGS_PER_RESOURCE:
            raise BadRequestException(
                "Too many tags: resource %s would have %d tags; a resource can have at most %d"
                % (self.arn, count, MAX_TAGS_PER_RESOURCE)
            )

    def add_tags(self, tags):
        """Add tags (a given key replaces its value); nothing changes when the limit would be passed."""
        self.check_tags(tags)
        self.tag_store.tag_resource(self.arn, TaggingService.convert_dict_to_tags_input(tags))

    def remove_tags(self, keys):
        self.tag_store.untag_resource_using_names(self.arn, keys)

    def drop_tags(self):
        """Forget the resource's tags (it is deleted)."""
        self.tag_store.delete_all_tags_for_resource(self.arn)
