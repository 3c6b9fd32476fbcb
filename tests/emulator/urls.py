# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""URL table in moto's format (url_bases / url_paths), found by moto beside models.py."""

from .responses import CustomerProfilesResponse

URL_PATTERN = r"https?://profile\.(.+)\.amazonaws\.com"

url_bases = [URL_PATTERN]

url_paths = {
    "{0}/domains$": CustomerProfilesResponse.dispatch,
    "{0}/domains/(?P<DomainName>[^/]+)$": CustomerProfilesResponse.dispatch,
    "{0}/domains/(?P<DomainName>[^/]+)/profiles$": CustomerProfilesResponse.dispatch,
    "{0}/domains/(?P<DomainName>[^/]+)/profiles/delete$": CustomerProfilesResponse.dispatch,
    "{0}/domains/(?P<DomainName>[^/]+)/profiles/search$": CustomerProfilesResponse.dispatch,
    "{0}/domains/(?P<DomainName>[^/]+)/batch-get-profiles$": CustomerProfilesResponse.dispatch,
    # config.py: integrations, event streams, event triggers, calculated attributes, segments
    "{0}/integrations$": CustomerProfilesResponse.dispatch,
    "{0}/domains/(?P<DomainName>[^/]+)/integrations$": CustomerProfilesResponse.dispatch,
    "{0}/domains/(?P<DomainName>[^/]+)/integrations/delete$": CustomerProfilesResponse.dispatch,
    "{0}/domains/(?P<DomainName>[^/]+)/event-streams$": CustomerProfilesResponse.dispatch,
    "{0}/domains/(?P<DomainName>[^/]+)/event-streams/(?P<EventStreamName>[^/]+)$": CustomerProfilesResponse.dispatch,
    "{0}/domains/(?P<DomainName>[^/]+)/event-triggers$": CustomerProfilesResponse.dispatch,
    "{0}/domains/(?P<DomainName>[^/]+)/event-triggers/(?P<EventTriggerName>[^/]+)$": CustomerProfilesResponse.dispatch,
    "{0}/domains/(?P<DomainName>[^/]+)/calculated-attributes$": CustomerProfilesResponse.dispatch,
    "{0}/domains/(?P<DomainName>[^/]+)/calculated-attributes/(?P<CalculatedAttributeName>[^/]+)$": CustomerProfilesResponse.dispatch,
    "{0}/domains/(?P<DomainName>[^/]+)/segment-definitions$": CustomerProfilesResponse.dispatch,
    "{0}/domains/(?P<DomainName>[^/]+)/segment-definitions/(?P<SegmentDefinitionName>[^/]+)$": CustomerProfilesResponse.dispatch,
    "{0}/domains/(?P<DomainName>[^/]+)/segments/(?P<SegmentDefinitionName>[^/]+)/membership$": CustomerProfilesResponse.dispatch,
    # objects.py: object types, templates, profile objects
    "{0}/domains/(?P<DomainName>[^/]+)/object-types$": CustomerProfilesResponse.dispatch,
    "{0}/domains/(?P<DomainName>[^/]+)/object-types/(?P<ObjectTypeName>[^/]+)$": CustomerProfilesResponse.dispatch,
    "{0}/templates$": CustomerProfilesResponse.dispatch,
    "{0}/templates/(?P<TemplateId>[^/]+)$": CustomerProfilesResponse.dispatch,
    "{0}/domains/(?P<DomainName>[^/]+)/profiles/objects$": CustomerProfilesResponse.dispatch,
    "{0}/domains/(?P<DomainName>[^/]+)/profiles/objects/delete$": CustomerProfilesResponse.dispatch,
    "{0}/domains/(?P<DomainName>[^/]+)/profiles/objects/batch-put-profile-object$": CustomerProfilesResponse.dispatch,
    "{0}/tags/(?P<resourceArn>.+)$": CustomerProfilesResponse.dispatch,
}
