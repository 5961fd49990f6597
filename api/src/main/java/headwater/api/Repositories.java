package headwater.api;

import headwater.domain.catalog.CategoryRepository;
import headwater.domain.catalog.ChannelRepository;
import headwater.domain.catalog.PackageRepository;
import headwater.domain.subscriber.DeviceRepository;
import headwater.domain.subscriber.PasswordHasher;
import headwater.domain.subscriber.PlanRepository;
import headwater.domain.subscriber.ResellerRepository;
import headwater.domain.subscriber.SubscriberRepository;
import java.util.Objects;

/**
 * What the admin API works on for the catalogue and the customers: the domain's repositories (blocking; the API calls
 * them on worker threads) and the hasher that turns subscriber passwords into stored hashes. Films, series and guide
 * sources are in {@link MediaRepositories}.
 */
public record Repositories(ChannelRepository channels, CategoryRepository categories, PackageRepository packages,
                           PlanRepository plans, SubscriberRepository subscribers, ResellerRepository resellers,
                           DeviceRepository devices, PasswordHasher passwordHasher) {

    public Repositories {
        Objects.requireNonNull(channels, "channels");
        Objects.requireNonNull(categories, "categories");
        Objects.requireNonNull(packages, "packages");
        Objects.requireNonNull(plans, "plans");
        Objects.requireNonNull(subscribers, "subscribers");
        Objects.requireNonNull(resellers, "resellers");
        Objects.requireNonNull(devices, "devices");
        Objects.requireNonNull(passwordHasher, "passwordHasher");
    }
}
