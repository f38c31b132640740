package portcullis.keys;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The one row every node locks (SELECT ... FOR UPDATE) before it changes signing keys, so that only one node of a
 * cluster rotates at a time.
 */
@Entity
@Table(name = "key_rotation_lock")
public class RotationLock {
    static final int ID = 1;

    @Id
    private int id;

    @Column(name = "rotations", nullable = false)
    private long rotations;

    protected RotationLock() {
        // for JPA
    }

    RotationLock(int id) {
        this.id = id;
    }

    void count() {
        rotations++;
    }
}
