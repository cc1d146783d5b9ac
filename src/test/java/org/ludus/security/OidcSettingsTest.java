package org.ludus.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OidcSettingsTest {

    @Test
    void theRoleMapGivesRolesToTheProvidersGroupNames() {
        assertEquals(Map.of("econ-admins", Set.of("lab-admin"), "econ-staff", Set.of("researcher", "assistant")),
                OidcSettings.roleMap(" lab-admin:econ-admins, researcher:econ-staff,assistant:econ-staff "));
        assertEquals(Map.of(), OidcSettings.roleMap(""));
    }

    @Test
    void aMapThatNamesNoRoleStopsTheDeployment() {
        var error = assertThrows(IllegalStateException.class, () -> OidcSettings.roleMap("admin:econ-admins"));
        assertEquals(true, error.getMessage().contains("admin:econ-admins"), error.getMessage());
        assertThrows(IllegalStateException.class, () -> OidcSettings.roleMap("researcher"));
        assertThrows(IllegalStateException.class, () -> OidcSettings.roleMap("researcher:"));
    }

    @Test
    void groupsNamedAsRolesAndMappedGroupsGiveRoles() {
        var settings = new OidcSettings();
        // without LUDUS_OIDC_ROLE_MAP (the unit tests set none), only groups named as a role count
        assertEquals(Set.of("researcher", "assistant"), settings.rolesOf(Set.of("researcher", "assistant", "students")));
        assertEquals(Set.of(), settings.rolesOf(Set.of("econ-staff")));
    }
}
