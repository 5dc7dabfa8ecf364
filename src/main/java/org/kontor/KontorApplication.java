package org.kontor;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class KontorApplication {
    public static void main(String[] args) {
        SpringApplication.run(KontorApplication.class, args);
    }
}
