/** Library systems (tenants) and their branches, service points, weekly hours and closures. */
package org.servicepoint.tenancy.entity;
